"""Write the connection-export fixtures and their labels (run: python tests/data/exports/build_fixtures.py).

The fixtures imitate what each platform's "download your information" gives (shared/FORMATS.md §2),
for a member of staff at Riverside (tests/data/directories/riverside). Each entry carries its truth:
the person_id it really is, None for someone outside the school, or a list of person_ids when the
name alone cannot tell (two pupils called Jack Thompson). labels.json is written from the same
tables, so a label is what the scenario says, never what the matcher found.

Meta's JSON is written the way Meta writes it: UTF-8 bytes as Latin-1 code points, \\u-escaped.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
Truth = str | list[str] | None


def meta(text: str) -> str:
    """Meta's mojibake: Zoë -> ZoÃ«."""
    return text.encode("utf-8").decode("latin-1")


LABELS: dict[str, list[dict[str, Any]]] = {}


def label(file: str, name: str, handle: str, truth: Truth, note: str = "") -> None:
    entry: dict[str, Any] = {"name": name, "handle": handle}
    if isinstance(truth, list):
        entry["person_id"] = None
        entry["ambiguous"] = truth
    else:
        entry["person_id"] = truth
    if note:
        entry["note"] = note
    LABELS.setdefault(file, []).append(entry)


def write(rel: str, text: str) -> None:
    path = HERE / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="")


# ------------------------------------------------------------------------------------ Facebook

FACEBOOK_FRIENDS: list[tuple[str, int, Truth, str]] = [
    ("Siobhán Ní Bhriain", 1598003112, "R001", "pupil; Irish name with fada, mojibake in the file"),
    ("Kuba Zieliński", 1601203310, "R009", "pupil known by the Polish nickname of Jakub"),
    ("Lucy Wisniewska", 1602003219, "R008", "pupil's preferred name, accents dropped"),
    ("Jack Thompson", 1603110021, ["R012", "R014"], "two pupils share this name"),
    ("Jack Smith", 1603220042, None, "shares a first name only"),
    ("Sarah Clarke", 1420070400, "C106", "parent"),
    ("Tom Clarke", 1605000000, "R031", "pupil, preferred name"),
    ("Emily Clarke", 1605100000, "R030", "former pupil under 18, brother on roll"),
    ("Chloe Baker (Wright)", 1500000000, "R033", "former pupil with former surname in brackets"),
    ("Dan Evans", 1400000000, "R032", "former pupil, adult"),
    ("Jo Hughes", 1410000000, "C108", "parent, preferred name"),
    ("Gwen Llewelyn", 1606000000, "R006", "pupil, Welsh preferred name"),
    ("Carys Llewelyn", 1390000000, "C116", "parent"),
    ("Rhiannon Davies", 1380000000, "C111", "parent of a pupil and of a former pupil"),
    ("Megan Davies", 1515000000, "R034", "former pupil (19) with sister on roll"),
    ("Gareth Lloyd", 1350000000, "S202", "colleague"),
    ("Agnieszka Kowalska", 1360000000, "S203", "colleague, Polish name"),
    ("Raj Sharma", 1370000000, "G301", "governor, preferred name"),
    ("Olivia Smith", 1607000000, ["R015", "C115"], "a pupil and a parent share this name"),
    ("Siân Jenkins", 1340000000, "S204", "colleague, Welsh circumflex"),
    ("Zoe Kowalczyk", 1608000000, "R010", "pupil, diaeresis dropped"),
    ("Aoife Byrne", 1609000000, "R003", "pupil"),
    ("Deirdre Byrne", 1330000000, "C102", "parent"),
    ("Muhammed Khan", 1609500000, ["R020", "R021"], "spelling between two pupils' names"),
    ("Shiobhan Ni Bhriain", 1609600000, "R001", "misspelt forename"),
    ("Emma Watson", 1300000000, None, ""),
    ("Liam O'Brien", 1310000000, None, ""),
    ("Ciara Walsh", 1320000000, None, "shares a surname with a governor"),
    ("Bartosz Nowicki", 1325000000, None, ""),
    ("Megan Jones", 1326000000, None, "shares a first name with a former pupil"),
    ("Seán Murphy", 1327000000, None, "shares a surname with a volunteer"),
    ("Katarzyna Nowak", 1328000000, None, "shares a surname with a pupil and a parent"),
    ("Oisin O'Sullivan", 1329000000, None, "anglicised Irish name: not the pupil Oisín Ó Súilleabháin"),
    ("Thomas Clarkson", 1331000000, None, "close to a pupil's name but a different person"),
    ("Dafydd Iwan", 1332000000, None, "shares a first name with a pupil"),
    ("Łukasz Piątek", 1333000000, None, "Polish name outside the school"),
    ("Gráinne Ní Mháille", 1334000000, None, "Irish name outside the school"),
]


def facebook() -> None:
    friends: list[Any] = [{"name": meta(n), "timestamp": ts} for n, ts, _, _ in FACEBOOK_FRIENDS]
    friends.insert(5, {"timestamp": 1603300000})  # no name: unreadable
    friends.insert(12, "Mark Clarke")  # not an object: unreadable
    write("facebook/your_friends.json", json.dumps({"friends_v2": friends}, indent=2) + "\n")
    for n, _, truth, note in FACEBOOK_FRIENDS:
        label("facebook/your_friends.json", n, "", truth, note)

    old = [
        ("Siobhán Ní Bhriain", "R001"),
        ("Mary Kelly", "C109"),
        ("Will Hughes", "R018"),
        ("Wiktoria Lewandowska", "R037"),
        ("Joe Brown", "R036"),
        ("Paul Brown", "C113"),
        ("Helen Mirren", None),
        ("Seán Byrne", "C103"),
    ]
    doc = {"friends": [{"name": meta(n), "timestamp": 1262304000 + 86400 * i} for i, (n, _) in enumerate(old)]}
    write("facebook/friends.json", json.dumps(doc, indent=2) + "\n")
    for n, truth in old:
        label("facebook/friends.json", n, "", truth)

    html_friends = [
        ("Katie O'Connor", "Jan 05, 2021 10:11:12 am", "R017"),
        ("Tomasz Zieliński", "Mar 14, 2019 8:02:40 pm", "C105"),
        ("Gosia Nowak", "Sep 01, 2022 7:15:00 am", "R011"),
        ("Margaret Thompson", "Dec 24, 2015 6:00:00 pm", "C112"),
        ("Bernadette Walsh", "Feb 02, 2017 11:30:00 am", "G302"),
        ("Eileen Murphy", "Jun 10, 2018 9:00:00 am", "V401"),
        ("Niamh Ní Bhriain", "Jul 07, 2020 3:45:10 pm", "C101"),
        ("Ollie Smith", "Oct 31, 2023 5:05:05 pm", "R016"),
        ("Anna Wiśniewska", "Nov 11, 2020 1:00:00 pm", "C104"),
        ("Lowri Roberts", "Aug 08, 2016 4:44:44 pm", None),
        ("Fionn Mac Cumhaill", "May 05, 2014 2:22:22 pm", None),
    ]
    sections = []
    for name, when, _ in html_friends:
        escaped = "".join(c if c.isascii() else f"&#{ord(c)};" for c in name).replace("'", "&#039;")
        sections.append(
            '<section class="_a6-g"><h2 class="_2ph_ _a6-h _a6-i">'
            f"{escaped}</h2>"
            '<div class="_2ph_ _a6-p"><div><div></div></div></div>'
            f'<footer class="_3-94 _a6-o"><div class="_a72d">{when}</div></footer></section>'
        )
    sections.insert(3, '<section class="_a6-g"><div class="_2ph_ _a6-p">no heading here</div></section>')
    page = (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8" /><title>Your friends</title></head>\n'
        '<body class="_5vb_ _2yq _a7o5"><div class="clearfix _ikh"><div class="_4bl9">'
        '<div class="_li"><div class="_a705"><div class="_a706" role="main">'
        '<h1 class="_a70d">Your friends</h1>\n'
        + "\n".join(sections)
        + "\n</div></div></div></div></div></body></html>\n"
    )
    write("facebook/your_friends.html", page)
    for name, _, truth in html_friends:
        label("facebook/your_friends.html", name, "", truth)


# ----------------------------------------------------------------------------------- Instagram


def ig_entry(handle: str, ts: int, *, late: bool = False) -> dict[str, Any]:
    if late:  # late 2025: username in title, no value, /_u/ link
        return {
            "title": handle,
            "string_list_data": [{"href": f"https://www.instagram.com/_u/{handle}?utm_source=ig_web", "timestamp": ts}],
        }
    return {
        "title": "",
        "media_list_data": [],
        "string_list_data": [{"href": f"https://www.instagram.com/{handle}", "value": handle, "timestamp": ts}],
    }


INSTAGRAM_FOLLOWERS: list[tuple[str, Truth]] = [
    ("ruby.p2014", "R019"),
    ("em.clarke10", "R030"),
    ("siobhan.nibhriain", "R001"),
    ("kuba_zielinski09", "R009"),
    ("jack.thompson.x", ["R012", "R014"]),
    ("footy_fan_99", None),
    ("bakingwithbeth", None),
    ("the_real_aoife", None),
    ("dafydd_ap_gwilym", "R005"),
    ("natgeo", None),
    ("rhys.prydderch", "R007"),
]
INSTAGRAM_FOLLOWING: list[tuple[str, Truth]] = [
    ("ruby.p2014", "R019"),
    ("gareth.lloyd.pe", "S202"),
    ("oliviasmith_", ["R015", "C115"]),
    ("bbcnews", None),
    ("riversideprimary", None),
    ("ffion.davies", "R035"),
]


def instagram() -> None:
    followers = [ig_entry(h, 1690000000 + i * 3600) for i, (h, _) in enumerate(INSTAGRAM_FOLLOWERS)]
    followers.append({"title": "", "media_list_data": [], "string_list_data": []})  # unreadable
    write("instagram/followers_1.json", json.dumps(followers, indent=2) + "\n")
    following = {
        "relationships_following": [ig_entry(h, 1700000000 + i * 60) for i, (h, _) in enumerate(INSTAGRAM_FOLLOWING)]
    }
    write("instagram/following.json", json.dumps(following, indent=2) + "\n")
    for h, truth in INSTAGRAM_FOLLOWERS:
        label("instagram/followers_1.json", "", h, truth)
    for h, truth in INSTAGRAM_FOLLOWING:
        label("instagram/following.json", "", h, truth)

    pre2023 = [
        ("wiktoria.lewandowska", "R037"),
        ("megan_davies07", "R034"),
        ("travelgram", None),
        ("chloe.baker08", "R033"),
    ]
    doc = {"relationships_followers": [ig_entry(h, 1600000000 + i) for i, (h, _) in enumerate(pre2023)]}
    write("instagram/followers.json", json.dumps(doc, indent=2) + "\n")
    for h, truth in pre2023:
        label("instagram/followers.json", "", h, truth)

    late = [("lucy.wisniewska", "R008"), ("zoe.kowalczyk", "R010"), ("cookingwithkasia", None), ("ruby.p2014", "R019")]
    doc = {"relationships_following": [ig_entry(h, 1760000000 + i, late=True) for i, (h, _) in enumerate(late)]}
    write("instagram/late2025/following.json", json.dumps(doc, indent=2) + "\n")
    for h, truth in late:
        label("instagram/late2025/following.json", "", h, truth)


# -------------------------------------------------------------------------------------------- X


def x() -> None:
    followers = [
        {"follower": {"accountId": aid, "userLink": f"https://twitter.com/intent/user?user_id={aid}"}}
        for aid in ("1234567890", "987654321", "1500000000000000001")
    ]
    following = [
        {"following": {"accountId": aid, "userLink": f"https://x.com/intent/user?user_id={aid}"}}
        for aid in ("1234567890", "44196397", "783214")
    ]
    write("x/follower.js", "window.YTD.follower.part0 = " + json.dumps(followers, indent=2) + "\n")
    write("x/following.js", "window.YTD.following.part0 = " + json.dumps(following, indent=2) + "\n")


# ------------------------------------------------------------------------------------- LinkedIn

LINKEDIN_NOTES = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses are missing. '
    "You will only see email addresses for connections who have allowed their connections to see or download "
    "their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more "
    'about this here: https://www.linkedin.com/help/linkedin/answer/261"\n'
    "\n"
)
LINKEDIN: list[tuple[str, str, str, str, str, str, str, Truth]] = [
    (
        "Sarah",
        "Clarke",
        "https://www.linkedin.com/in/sarahclarke-hr",
        "sarah.clarke@example.org",
        "Acme Ltd",
        "HR Manager",
        "12 Mar 2021",
        "C106",
    ),
    (
        "Paul",
        "Brown",
        "https://www.linkedin.com/in/paul-brown-83b1a2",
        "",
        "Brown & Co",
        "Director",
        "03 Jan 2019",
        "C113",
    ),
    (
        "Rajesh",
        "Sharma",
        "https://www.linkedin.com/in/rajesh-sharma-4a",
        "",
        "NHS",
        "Consultant",
        "22 Jun 2020",
        "G301",
    ),
    (
        "Daniel",
        "Evans",
        "https://www.linkedin.com/in/danevans01",
        "",
        "Cardiff University",
        "Student",
        "01 Sep 2022",
        "R032",
    ),
    (
        "Megan",
        "Davies",
        "https://www.linkedin.com/in/megan-davies-1998",
        "",
        "Self-employed",
        "Designer",
        "14 Feb 2024",
        None,
    ),
    (
        "Agnieszka",
        "Kowalska PhD",
        "https://www.linkedin.com/in/akowalska",
        "",
        "Riverside CPS",
        "Teacher",
        "09 Sep 2019",
        "S203",
    ),
    (
        "Rachel",
        "Green",
        "https://www.linkedin.com/in/rachel-green-teach",
        "",
        "Riverside CPS",
        "Teacher",
        "10 Sep 2019",
        "S205",
    ),
    ("John", "Smith", "https://www.linkedin.com/in/johnsmith", "", "Big Corp", "Analyst", "11 Nov 2011", None),
    ("Priya", "Shah", "https://www.linkedin.com/in/priyashah", "", "Law LLP", "Solicitor", "05 May 2015", None),
    ("Tomasz", "Wójcik", "https://www.linkedin.com/in/twojcik", "", "Build Ltd", "Engineer", "06 Jun 2016", None),
    (
        "Helen",
        "Carter",
        "https://www.linkedin.com/in/helen-carter-head",
        "",
        "Riverside CPS",
        "Headteacher",
        "01 Sep 2015",
        "S201",
    ),
]


def linkedin() -> None:
    header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    rows = []
    for first, last, url, email, company, position, when, _ in LINKEDIN:
        company = f'"{company}"' if "," in company or "&" in company else company
        rows.append(f"{first},{last},{url},{email},{company},{position},{when}\n")
    rows.insert(4, ",,,,,,\n")  # deactivated profile
    rows.insert(9, ",,,,,,\n")
    write("linkedin/Connections.csv", LINKEDIN_NOTES + header + "".join(rows))
    for first, last, url, _, _, _, _, truth in LINKEDIN:
        handle = url.rsplit("/", 1)[-1].lower()
        label("linkedin/Connections.csv", f"{first} {last}", handle, truth)

    # An export without the URL column (and with a byte-order mark).
    no_url = [
        ("Gareth", "Lloyd", "g.lloyd@riverside.sch.uk", "S202"),
        ("Siân", "Jenkins", "", "S204"),
        ("Mark", "Clarke", "", "C107"),
        ("Rhys", "Williams", "", None),
    ]
    text = "\ufeff" + LINKEDIN_NOTES + "First Name,Last Name,Email Address,Company,Position,Connected On\n"
    text += "".join(f"{f},{s},{e},Somewhere,Someone,01 Jan 2020\n" for f, s, e, _ in no_url)
    text += ",,,,,\n"
    write("linkedin/no_url/Connections.csv", text)
    for f, s, _, truth in no_url:
        label("linkedin/no_url/Connections.csv", f"{f} {s}", "", truth)


# --------------------------------------------------------------------------------------- TikTok


def tiktok() -> None:
    fans = [
        ("zoe.kowalczyk", "R010"),
        ("jackrobinson2016", "R013"),
        ("kuba.z", None),
        ("lucy_wisniewska", "R008"),
        ("dancevideos4u", None),
    ]
    following = [("rhys_p_2016", "R007"), ("footballskills", None), ("jackrobinson2016", "R013")]
    doc = {
        "Profile": {"Profile Information": {"ProfileMap": {"userName": "mrs_carter_teaches"}}},
        "Your Activity": {
            "Follower": {
                "FansList": [{"Date": f"2024-0{i + 1}-1{i} 10:0{i}:00", "UserName": u} for i, (u, _) in enumerate(fans)]
            },
            "Following": {
                "Following": [
                    {"Date": f"2023-1{i}-0{i + 1} 18:30:00", "UserName": u} for i, (u, _) in enumerate(following)
                ]
            },
            "Like List": {"ItemFavoriteList": None},
        },
    }
    doc["Your Activity"]["Follower"]["FansList"].append({"Date": "2024-09-09 09:09:09"})  # no UserName
    write("tiktok/user_data_tiktok.json", json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
    seen: set[str] = set()
    for u, truth in fans + following:
        if u not in seen:
            seen.add(u)
            label("tiktok/user_data_tiktok.json", "", u, truth)

    old_fans = [("gosia.nowak", "R011"), ("memes_daily", None)]
    doc_old = {
        "Activity": {
            "Follower List": {"FansList": [{"Date": "2021-05-05 05:05:05", "UserName": u} for u, _ in old_fans]},
            "Following List": {"Following": None},
        }
    }
    write("tiktok/user_data.json", json.dumps(doc_old, indent=2) + "\n")
    for u, truth in old_fans:
        label("tiktok/user_data.json", "", u, truth)


# ------------------------------------------------------------------------------------- Snapchat


def snapchat() -> None:
    friends = [
        ("jackt_2015", "Jack T", "R012", "recorded handle resolves two pupils called Jack Thompson"),
        ("jack.r.fan", "Jack 🙂", None, "a first name alone"),
        ("rubyp_xo", "Ruby 🌸 Patel", "R019", "emoji inside the display name"),
        ("gosia_n", "Gosia Nowak", "R011", "Polish diminutive as preferred name"),
        ("oisin.os", "Oisín Ó Súilleabháin", "R002", "Irish name in UTF-8"),
        ("ciaran.b", "Ciarán Byrne", "R004", "pupil"),
        ("kowalczyk.fam", "", None, "no display name, a surname-only username"),
        ("bestie4eva", "Bestie", None, ""),
    ]
    doc = {
        "Friends": [
            {
                "Username": u,
                "Display Name": d,
                "Creation Timestamp": f"2024-0{i % 9 + 1}-0{i % 9 + 1} 1{i}:00:00 UTC",
                "Last Modified Timestamp": "2025-01-01 00:00:00 UTC",
                "Source": "Added by Search",
            }
            for i, (u, d, _, _) in enumerate(friends)
        ],
        "Friend Requests Sent": [],
        "Blocked Users": [
            {"Username": "blocked_user", "Display Name": "Someone", "Creation Timestamp": "2023-01-01 00:00:00 UTC"}
        ],
        "Deleted Friends": [
            {"Username": "old_friend", "Display Name": "Old Friend", "Creation Timestamp": "2022-01-01 00:00:00 UTC"}
        ],
        "Hidden Friend Suggestions": [],
        "Ignored Snapchatters": [],
        "Pending Requests": [],
        "Shortcuts": [],
    }
    doc["Friends"].append({"Display Name": "", "Source": "Added by Quick Add"})
    write("snapchat/friends.json", json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
    for u, d, truth, note in friends:
        label("snapchat/friends.json", d, u, truth, note)


def main() -> None:
    facebook()
    instagram()
    x()
    linkedin()
    tiktok()
    snapchat()
    doc = {
        "directory": "../directories/riverside",
        "on": "2026-11-21",
        "files": LABELS,
    }
    write("labels.json", json.dumps(doc, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
