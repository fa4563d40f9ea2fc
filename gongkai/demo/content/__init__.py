"""The demo content: every record the demo loads, written for it (no real documents are copied)."""

from gongkai.demo.content.communities import COMMUNITY_ITEMS
from gongkai.demo.content.documents import PLANS, REGULATIONS
from gongkai.demo.content.emergency import EMERGENCY, OTHER, PENDING
from gongkai.demo.content.finance import FINANCE
from gongkai.demo.content.news import NEWS
from gongkai.demo.content.notices import NOTICES
from gongkai.demo.content.organisation import LEADERS, ORGANISATION, PERSONNEL

# Everything 东风路街道 publishes (and the few items left in its staff queues).
SUBDISTRICT_ITEMS = [
    *ORGANISATION,
    *LEADERS,
    *REGULATIONS,
    *NEWS,
    *NOTICES,
    *PLANS,
    *PERSONNEL,
    *FINANCE,
    *EMERGENCY,
    *OTHER,
    *PENDING,
]

__all__ = ["COMMUNITY_ITEMS", "SUBDISTRICT_ITEMS"]
