"""HTML pages: trafilatura for text and title, htmldate for the publication date."""
import datetime as dt

from timeline.errors import ArticleError
from timeline.readers import NoDateError, read_inputs

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Conference opens in Anting | News</title>
<meta property="article:published_time" content="2023-09-22T08:00:00+08:00">
<meta property="og:title" content="Conference opens in Anting"></head>
<body><nav>Home | World | Sports</nav><article><h1>Conference opens in Anting</h1>
<p>The second World Metaverse Conference was held in Anting Town of Jiading District on September 20-22.</p>
<p>The district aims for an industry scale of 100 billion yuan by 2025, according to the director.</p>
</article><footer>Copyright 2023</footer></body></html>"""


def test_article_page(tmp_path):
    path = tmp_path / "conf.html"
    path.write_text(PAGE, encoding="utf-8")
    [doc] = read_inputs([str(path)])
    assert doc.id == "conf"
    assert doc.published == dt.date(2023, 9, 22)
    assert doc.title == "Conference opens in Anting"
    assert doc.text.startswith("The second World Metaverse Conference was held")
    assert "Home | World" not in doc.text and "Copyright" not in doc.text


def test_reference_date_overrides_page_date(tmp_path):
    path = tmp_path / "conf.htm"
    path.write_text(PAGE, encoding="utf-8")
    [doc] = read_inputs([str(path)], dt.date(2024, 1, 1))
    assert doc.published == dt.date(2024, 1, 1)


def test_page_without_article_text(tmp_path):
    path = tmp_path / "nav.html"
    path.write_text("<html><head><title>Menu</title></head><body><nav>Home</nav><script>var x=1;</script></body></html>")
    [err] = read_inputs([str(path)], dt.date(2023, 9, 22))
    assert type(err) is ArticleError
    assert str(err) == f"{path}: no article text found in the HTML page"


def test_page_without_date(tmp_path):
    path = tmp_path / "nodate.html"
    path.write_text("<html><body><article><p>The talks were held in Geneva on Monday and ended without a deal, "
                    "officials said.</p></article></body></html>")
    [err] = read_inputs([str(path)])
    assert isinstance(err, NoDateError)


def test_garbage_html_does_not_crash(tmp_path):
    path = tmp_path / "junk.html"
    path.write_text("<<<>>><html<body>>\x0b<p>" * 50)
    [result] = read_inputs([str(path)], dt.date(2023, 9, 22))
    assert isinstance(result, (ArticleError,)) or result.text
