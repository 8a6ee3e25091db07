"""One page per article: its body with the first mention of each actor linked, its entries and notes."""

from __future__ import annotations

import posixpath

from generator.model.dates import format_date
from generator.pages.jsonld import news_article
from generator.pages.links import link_first_mentions
from generator.pages.output import Generated
from generator.pages.urls import relpath, src_of


def pages(r) -> list[Generated]:
    index = r.index

    def article_page(article, src: str) -> Generated:
        body = link_first_mentions(
            article.body, index.matcher,
            lambda a: relpath(src_of("actors", a), posixpath.dirname(src)),
            expected=set(article.mentions),
        )
        return Generated(src, r.render("article.md.j2", src, title=article.title, meta={**r.updated([article.path]), "bf_date": format_date(article.date), "bf_jsonld": news_article(
                                           r.b, article, r.options.site_url, r.options.title)},
                                       article=article, body=body), draft=article.draft)

    out = []
    for article in r.b.articles.values():
        src = src_of("articles", article.id)
        out.append(r.reuse(src, r.article_key(article.id), lambda article=article, src=src: article_page(article, src)))
    return out
