"""Words of a long list shown a page at a time (`components.listing`: /districts' communes, /rankings' units)."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "listing.search_label": {"vi": "Tìm đơn vị", "en": "Find a unit"},
    "listing.search_button": {"vi": "Tìm", "en": "Find"},
    "listing.clear_search": {"vi": "Bỏ tìm", "en": "Clear"},
    "listing.order_best": {"vi": "Mạnh nhất trước", "en": "Strongest first"},
    "listing.order_weakest": {"vi": "Yếu nhất trước", "en": "Weakest first"},
    "listing.page_status": {
        "vi": "Đơn vị {first}–{last} trong {matched} (trang {page}/{pages})",
        "en": "Units {first}–{last} of {matched} (page {page} of {pages})",
    },
    "listing.search_status": {
        "vi": "{matched} trong {total} đơn vị có tên chứa “{search}”",
        "en": "{matched} of {total} units named with “{search}”",
    },
    "listing.no_match": {
        "vi": "Không có đơn vị nào có tên chứa “{search}”.",
        "en": "No unit's name contains “{search}”.",
    },
    "listing.previous": {"vi": "‹ Trang trước", "en": "‹ Previous"},
    "listing.next": {"vi": "Trang sau ›", "en": "Next ›"},
}
