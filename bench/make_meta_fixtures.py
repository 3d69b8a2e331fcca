"""Write the publication-date/title/author fixtures: ten page structures times four stories.

usage: make_meta_fixtures.py OUT_DIR   (writes NN.html and expected.json)

Each structure puts the metadata where a different kind of site does: Open Graph tags, JSON-LD
(plain, @graph, author lists), <time>, microdata, the URL, a byline paragraph, a dateline in the
text. Decoy dates (a copyright year, a related story's date, "updated") sit in most pages.
"""

import json
import os
import sys

STORIES = [
    dict(title="Flooding Forces Thousands From Homes Along the River", author="Jane Doe", date="2024-03-14",
         site="The Daily Planet", slug="flooding-forces-thousands", day="14", month="March", mon="Mar", year="2024", mm="03"),
    dict(title="Parliament Passes Budget After Late-Night Session", author="Amir Rahimi", date="2023-11-02",
         site="Capital Herald", slug="parliament-passes-budget", day="2", month="November", mon="Nov", year="2023", mm="11"),
    dict(title="Ceasefire Talks Resume in Doha With New Mediators", author="María López", date="2025-01-05",
         site="Gulf Wire", slug="ceasefire-talks-resume", day="5", month="January", mon="Jan", year="2025", mm="01"),
    dict(title="Drought Pushes Grain Prices to a Ten-Year High", author="Kwame Mensah", date="2022-07-21",
         site="Market Ledger", slug="drought-pushes-grain-prices", day="21", month="July", mon="Jul", year="2022", mm="07"),
]

BODY = """<p>Officials said on Tuesday that the situation had worsened overnight, with emergency crews working
through the morning to reach the most affected districts. Several roads remained closed.</p>
<p>"We are doing everything we can," a spokesperson told reporters, adding that more help would arrive
within days. Aid groups warned that supplies were running low in two provinces.</p>
<p>The last comparable event, in 2015, displaced tens of thousands of people and took months to recover
from, according to a report published by the regional government the following year.</p>"""

DECOY = """<div class="related"><a href="/old">Earlier coverage</a> <span>June 3, 2019</span></div>
<footer>&copy; 2011-2026 Example Media. All rights reserved.</footer>"""


def og(s):
    return f"""<html><head><title>{s['title']} - {s['site']}</title>
<meta property="og:title" content="{s['title']}"><meta property="og:site_name" content="{s['site']}">
<meta name="author" content="{s['author']}"><meta property="article:published_time" content="{s['date']}T09:30:00Z">
<meta property="article:modified_time" content="2026-01-01T00:00:00Z"></head>
<body><h1>{s['title']}</h1><article>{BODY}</article>{DECOY}</body></html>"""


def jsonld(s):
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": s["title"], "datePublished": f"{s['date']}T06:00:00+00:00",
          "dateModified": "2026-02-02T00:00:00+00:00", "author": {"@type": "Person", "name": s["author"]},
          "publisher": {"@type": "Organization", "name": s["site"]}}
    return f"""<html><head><title>{s['title']}</title><script type="application/ld+json">{json.dumps(ld)}</script></head>
<body><div class="story"><h1>{s['title']}</h1>{BODY}</div>{DECOY}</body></html>"""


def jsonld_graph(s):
    ld = {"@context": "https://schema.org", "@graph": [{"@type": "WebSite", "name": s["site"]},
          {"@type": "Article", "headline": s["title"], "datePublished": s["date"], "author": [{"@type": "Person", "name": s["author"]}]}]}
    return f"""<html><head><title>{s['title']} | {s['site']}</title><script type="application/ld+json">{json.dumps(ld)}</script></head>
<body><main><h1>{s['title']}</h1>{BODY}</main>{DECOY}</body></html>"""


def time_tag(s):
    return f"""<html><head><title>{s['title']} | {s['site']}</title></head><body>
<header><h1>{s['title']}</h1><div class="byline">By <a href="/staff/x">{s['author']}</a></div>
<time datetime="{s['date']}T12:00:00">{s['month']} {s['day']}, {s['year']}</time></header>
<article>{BODY}</article>{DECOY}</body></html>"""


def microdata(s):
    return f"""<html><head><title>{s['title']}</title></head><body><div itemscope itemtype="https://schema.org/NewsArticle">
<h1 itemprop="headline">{s['title']}</h1><p class="meta">By <span itemprop="author">{s['author']}</span> &middot;
<meta itemprop="datePublished" content="{s['date']}">{s['mon']}. {s['day']}, {s['year']}</p>
<div itemprop="articleBody">{BODY}</div></div>{DECOY}</body></html>"""


def url_date(s):
    url = f"https://news.example.com/{s['year']}/{s['mm']}/{s['day'].zfill(2)}/{s['slug']}/"
    return f"""<html><head><title>{s['title']} | {s['site']}</title><link rel="canonical" href="{url}"></head><body>
<h1>{s['title']}</h1><p>Written by <a rel="author" href="/a/x">{s['author']}</a></p><div class="entry-content">{BODY}</div>{DECOY}</body></html>"""


def byline_para(s):
    return f"""<html><head><title>{s['title']}</title></head><body><div id="content"><h2>{s['title']}</h2>
<p><strong>By {s['author']} | {s['day']}th {s['month']} {s['year']}</strong></p>{BODY}</div></body></html>""".replace(
        "1th ", "1st ").replace("2th ", "2nd ").replace("3th ", "3rd ")


def dateline(s):
    return f"""<html><head><title>{s['site']}: {s['title']}</title></head><body><div class="post">
<h1>{s['title']}</h1><p class="author-name">{s['author']}</p>
<p>{s['month'].upper()} {s['day']}, {s['year']} &mdash; Officials said the situation had worsened overnight, with emergency crews
working through the morning to reach the most affected districts.</p>{BODY}</div></body></html>"""


def meta_name_date(s):
    return f"""<html><head><title>{s['title']}</title><meta name="date" content="{s['date']}">
<meta name="author" content="{s['author']}"><meta name="application-name" content="{s['site']}"></head>
<body><div class="article-body"><h1>{s['title']}</h1>{BODY}</div><p>Updated {s['month']} 28, 2026</p></body></html>"""


def published_text(s):
    return f"""<html><head><title>{s['title']}</title></head><body><div class="container">
<h1 class="entry-title">{s['title']}</h1><div class="post-info">Published on {s['month']} {s['day']}, {s['year']} by
<span class="author vcard"><a href="/author/x">{s['author']}</a></span></div><div class="entry">{BODY}</div></div>{DECOY}</body></html>"""


STRUCTURES = [og, jsonld, jsonld_graph, time_tag, microdata, url_date, byline_para, dateline, meta_name_date, published_text]


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    expected = {}
    n = 0
    for structure in STRUCTURES:
        for s in STORIES:
            n += 1
            name = f"{n:02d}-{structure.__name__}"
            with open(os.path.join(out, name + ".html"), "w", encoding="utf-8") as f:
                f.write(structure(s))
            expected[name] = {"date": s["date"], "title": s["title"], "author": s["author"], "structure": structure.__name__}
    with open(os.path.join(out, "expected.json"), "w", encoding="utf-8") as f:
        json.dump(expected, f, indent=1, ensure_ascii=False, sort_keys=True)


if __name__ == "__main__":
    main()
