"""Reading rendered portal pages in tests."""


def text_of(response) -> str:
    return response.content.decode()


def element(html: str, element_id: str, tag: str = "section") -> str:
    """The markup of the element with id `element_id`, up to its `</tag>` (no nesting of `tag` inside)."""
    start = html.index(f'id="{element_id}"')
    end = html.index(f"</{tag}>", start)
    return html[start:end]


def order_of(html: str, *titles) -> list[str]:
    """`titles` sorted by where they first appear in `html` (all must appear)."""
    positions = {title: html.index(title) for title in titles}
    return sorted(titles, key=positions.__getitem__)
