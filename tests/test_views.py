"""The page views (blog/views.py, courses/views.py) and the shared site model they read."""

from __future__ import annotations

from datetime import datetime

from markupsafe import Markup
from sitebuilder import SiteBuilder, post_text

from trainersite.blog.extras import build_post_extras
from trainersite.blog.listing import build_blog
from trainersite.blog.models import Author, Category, Post
from trainersite.blog.views import CategoryIndexPage, HomePage, ListingView, PostPage, RenderedPost
from trainersite.core.dates import zone
from trainersite.core.i18n import labels_for
from trainersite.core.site_model import SiteModel
from trainersite.core.urls import UrlScheme

TZ = zone("Europe/Amsterdam")


def make_site(count: int = 3) -> SiteModel:
    posts = [
        Post(source=f"posts/{n}.md", title=f"Bericht <{n}>", date=datetime(2020, 1, n, tzinfo=TZ), date_has_time=False,
             date_text=f"{n} januari 2020", slug=f"bericht-{n}", url=f"blog/bericht-{n}/", body="", guid=str(n),
             authors=(Author("a", "A"),), categories=(Category("Communicatie", "communicatie"),))
        for n in range(1, count + 1)
    ]
    labels = labels_for("nl")
    blog = build_blog(posts, UrlScheme(), 2, labels)
    return SiteModel(site_url="https://www.example.nl/", site_name="Voorbeeld", locale="nl", urls=UrlScheme(),
                     labels=labels, tz=TZ, blog=blog, extras=build_post_extras(blog.posts))


def test_post_view_sets_template_escaped_title_and_learns_the_description_from_the_html():
    site = make_site()
    view = PostPage(site.blog.posts[0])
    title = view.title(site.labels)
    assert title == Markup("Bericht &lt;3&gt;")
    assert view.meta(title, {})["template"] == "post.html"
    learned = view.rendered("<p>Eerste alinea.</p><p>Tweede.</p>", site, {}, 200)
    assert learned == {"description": "Eerste alinea."}
    post = view.context(site, "blog/bericht-3/")["post"]
    assert post["read_time"] == "1 min leestijd" and post["older"]["url"] == "blog/bericht-2/"


def test_a_rendered_post_from_the_last_build_is_reused_only_when_its_inputs_are_equal():
    site = make_site()
    view = PostPage(site.blog.posts[0])
    before = {"bericht-3": RenderedPost.learn("<p>Oud.</p>", None, 200)}
    view.rendered("<p>Oud.</p>", site, before, 200)
    assert site.rendered["bericht-3"] is before["bericht-3"]
    view.rendered("<p>Nieuw.</p>", site, before, 200)
    assert site.rendered["bericht-3"].excerpt == "<p>Nieuw.</p>"


def test_listing_cards_and_category_index_come_from_the_site_model():
    site = make_site()
    first = ListingView(site.blog.index[0])
    context = first.context(site, "blog/")
    assert [card["url"] for card in context["cards"]] == ["blog/bericht-3/", "blog/bericht-2/"]
    assert context["listing"]["older_url"] == "blog/pagina/2/"
    assert CategoryIndexPage().context(site, "blog/categorie/")["categories"][0]["count"] == "3 berichten"


def test_home_page_keeps_a_template_the_page_chose():
    home = HomePage(latest=2)
    assert home.meta(None, {}) == {"template": "home.html"}
    assert home.meta(None, {"template": "eigen.html"}) == {}
    assert len(home.context(make_site(), "")["cards"]) == 2
    assert home.context(SiteModel(), "") == {}  # no blog plugin: no cards


def test_blog_without_the_courses_plugin_still_shows_the_author_box(site: SiteBuilder):
    site.config["plugins"] = [p for p in site.config["plugins"] if not (p == "trainersite-courses" or (isinstance(p, dict) and "trainersite-courses" in p))]
    site.post("2024-03-05-bericht.md", post_text("Een bericht", "2024-03-05"))
    result = site.build()
    assert result.returncode == 0, result.output
    page = result.page("blog/een-bericht/")
    assert "ts-author-box" in page and "Over de auteur" in page
    assert "ts-contact-cta" not in page  # no contact data without the courses plugin


def test_the_content_check_counts_posts_and_courses_from_the_site_model():
    """`trainersite controleer` reads the counts where every plugin reads them: the build's SiteModel."""
    from sitebuilder import REPO

    from trainersite.adapters.check import check

    found, warnings, posts, courses, _ = check(REPO / "mkdocs.yml")
    assert found == [] and warnings == []
    published = [p for p in (REPO / "posts").glob("*.md") if "draft: true" not in p.read_text(encoding="utf-8")]
    assert posts == len(published) and posts > 5
    assert courses == len([p for p in (REPO / "docs" / "trainingen").glob("*.md") if p.name != "index.md"])
