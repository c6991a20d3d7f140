"""Words of the wall's ticker (overview and kiosk): what happened since the last look."""

TEXT = {
    "ticker.label": {"vi": "Mới", "en": "New"},
    "ticker.label_title": {
        "vi": "Những gì mới kể từ lần xem trước trên trình duyệt này",
        "en": "What is new since this browser's last look",
    },
    "ticker.nothing": {
        "vi": "Không có gì mới kể từ lần xem trước ({time})",
        "en": "Nothing new since the last look ({time})",
    },
    "ticker.first": {
        "vi": (
            "Lần xem đầu tiên trên trình duyệt này: từ giờ bảng tin báo dữ liệu nạp mới, "
            "thay đổi thứ hạng, mục tiêu mới có nguy cơ"
        ),
        "en": "First look on this browser: from now on the ticker reports imports, rank changes, targets newly at risk",
    },
    "ticker.import": {"vi": "Nạp dữ liệu: {scope} lúc {time}", "en": "Data imported: {scope} at {time}"},
    "ticker.rank": {
        "vi": "Xếp hạng DTI {year}: {previous} → {current}",
        "en": "DTI rank {year}: {previous} → {current}",
    },
    "ticker.rank_new_year": {
        "vi": "Xếp hạng DTI {year}: {current} (năm {previous_year}: {previous})",
        "en": "DTI rank {year}: {current} ({previous_year}: {previous})",
    },
    "ticker.rank_first": {"vi": "Xếp hạng DTI {year}: {current}", "en": "DTI rank {year}: {current}"},
    "ticker.risk": {"vi": "Mục tiêu mới có nguy cơ không đạt: {name}", "en": "Target newly at risk: {name}"},
}
