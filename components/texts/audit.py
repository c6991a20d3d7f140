"""Words of the audit log page."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "nav.audit": {"vi": "Nhật ký", "en": "Audit log"},
    "audit.title": {"vi": "Nhật ký truy cập", "en": "Access log"},
    "audit.lead": {
        "vi": "Đăng nhập (thành công, thất bại, bị chặn), đăng xuất, lượt xem trang đơn vị và các lần bị từ chối.",
        "en": "Sign-ins (successful, failed, blocked), sign-outs, unit pages viewed and refusals.",
    },
    "audit.filter.kind": {"vi": "Loại sự kiện", "en": "Event kind"},
    "audit.filter.all": {"vi": "Tất cả", "en": "All"},
    "audit.filter.user": {"vi": "Tên đăng nhập", "en": "User name"},
    "audit.filter.days": {"vi": "Trong số ngày gần nhất", "en": "In the last days"},
    "audit.count": {"vi": "{shown} sự kiện gần nhất (tối đa {limit})", "en": "{shown} latest events (at most {limit})"},
    "audit.empty": {"vi": "Không có sự kiện nào khớp bộ lọc.", "en": "No event matches the filter."},
    "audit.bad_days": {
        "vi": "Số ngày “{days}” không hợp lệ: hãy chọn từ 1 đến {max} ngày.",
        "en": "“{days}” is not a valid number of days: choose 1 to {max}.",
    },
    "audit.bad_kind": {"vi": "Không có loại sự kiện “{kind}”.", "en": "There is no event kind “{kind}”."},
    "audit.col.at": {"vi": "Thời điểm", "en": "When"},
    "audit.col.kind": {"vi": "Sự kiện", "en": "Event"},
    "audit.col.user": {"vi": "Tài khoản", "en": "Account"},
    "audit.col.unit": {"vi": "Đơn vị", "en": "Unit"},
    "audit.col.address": {"vi": "Địa chỉ IP", "en": "IP address"},
    "audit.col.detail": {"vi": "Chi tiết", "en": "Detail"},
    "audit.kind.login_ok": {"vi": "Đăng nhập", "en": "Signed in"},
    "audit.kind.login_failed": {"vi": "Đăng nhập sai", "en": "Failed sign-in"},
    "audit.kind.login_throttled": {"vi": "Bị chặn (sai quá nhiều)", "en": "Blocked (too many failures)"},
    "audit.kind.logout": {"vi": "Đăng xuất", "en": "Signed out"},
    "audit.kind.unit_view": {"vi": "Xem trang đơn vị", "en": "Viewed a unit page"},
    "audit.kind.access_denied": {"vi": "Bị từ chối", "en": "Refused"},
    "audit.kind.account_change": {"vi": "Thay đổi tài khoản", "en": "Account change"},
}
