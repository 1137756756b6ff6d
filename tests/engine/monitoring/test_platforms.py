"""The platform list: suffix matching on whole labels, hosts that do not imply use, school overrides."""

from __future__ import annotations

import pytest

from safesocial.engine.monitoring import MonitoringConfigError, PlatformList


@pytest.fixture
def plist() -> PlatformList:
    return PlatformList.builtin()


@pytest.mark.parametrize(
    ("host", "platform"),
    [
        ("www.facebook.com", "facebook"),
        ("facebook.com", "facebook"),
        ("scontent-lhr8-1.xx.fbcdn.net", "facebook"),
        ("WWW.FACEBOOK.COM.", "facebook"),
        ("scontent.cdninstagram.com", "instagram"),
        ("x.com", "x"),
        ("pbs.twimg.com", "x"),
        ("v16-webapp.tiktok.com", "tiktok"),
        ("web.whatsapp.com", "whatsapp"),
        ("youtubei.googleapis.com", "youtube"),
        ("www.threads.com", "threads"),
        ("bsky.app", "bluesky"),
        ("mobile.bereal.com", "bereal"),
        ("cdn.discordapp.com", "discord"),
        ("www.reddit.com", "reddit"),
        ("i.pinimg.com", "pinterest"),
        ("myschool.blogspot.com", "blogger"),
    ],
)
def test_platform_hosts(plist: PlatformList, host: str, platform: str) -> None:
    assert plist.classify(host) == platform


@pytest.mark.parametrize(
    "host",
    [
        "notfacebook.com",  # near miss: not a whole label
        "facebook.com.evil.example",  # near miss: the domain is not the suffix
        "connect.facebook.net",  # the SDK and pixel on other sites
        "platform.twitter.com",  # embedded posts on other sites
        "snap.licdn.com",  # the LinkedIn Insight Tag
        "i.ytimg.com",  # thumbnails in ordinary search results
        "www.youtube-nocookie.com",  # privacy-enhanced embeds
        "rr4---sn-aigl6nze.googlevideo.com",  # also streams embedded videos
        "googleapis.com",
        "docs.google.com",
        "",
        None,
    ],
)
def test_hosts_that_are_not_platform_use(plist: PlatformList, host: str | None) -> None:
    assert plist.classify(host) is None


def test_school_override_adds_removes_and_marks_not_use(plist: PlatformList) -> None:
    school = plist.with_overrides(
        {
            "add": {
                "youtube": ["youtube-nocookie.com"],
                "nextdoor": {"name": "Nextdoor", "domains": ["nextdoor.co.uk"]},
            },
            "remove": ["yammer", "t.co"],
            "not_use": ["embed.tiktok.com"],
        }
    )
    assert school.classify("www.youtube-nocookie.com") == "youtube"
    assert school.classify("nextdoor.co.uk") == "nextdoor" and school.name("nextdoor") == "Nextdoor"
    assert school.classify("www.yammer.com") is None and "yammer" not in school.ids()
    assert school.classify("t.co") is None and school.classify("x.com") == "x"
    assert school.classify("embed.tiktok.com") is None and school.classify("www.tiktok.com") == "tiktok"
    # the built-in list is untouched and the fingerprints differ (partials must not be mixed)
    assert plist.classify("t.co") == "x"
    assert school.fingerprint() != plist.fingerprint()
    assert plist.with_overrides({}).fingerprint() == plist.fingerprint()


@pytest.mark.parametrize(
    "override",
    [
        {"add": {"facebook": ["not a domain"]}},
        {"remove": ["never-listed.example"]},
        {"unknown": []},
        {"add": {"Bad-Id": {"name": "x", "domains": ["a.example"]}}},
        {"add": {"newone": {"name": "New", "domains": ["facebook.com"]}}},
    ],
)
def test_bad_overrides_are_refused_with_e511(plist: PlatformList, override: dict) -> None:  # type: ignore[type-arg]
    with pytest.raises(MonitoringConfigError) as err:
        plist.with_overrides(override)
    assert err.value.code == "E511"


def test_every_platform_the_seeds_and_the_issue_name_is_listed(plist: PlatformList) -> None:
    for pid in (
        "facebook", "instagram", "x", "tiktok", "snapchat", "whatsapp", "youtube", "linkedin", "pinterest", "reddit",
        "discord", "threads", "bluesky", "bereal", "tumblr", "myspace", "bebo", "yammer", "xanga", "fmylife", "ning",
        "blogger", "livejournal", "flickr",
    ):  # fmt: skip
        assert pid in plist.ids()


def test_literals_cover_every_listed_domain(plist: PlatformList) -> None:
    for p in plist.platforms:
        for d in p.domains:
            assert d in plist.literals()
