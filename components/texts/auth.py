"""Words of signing in, signing out and refusals."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "auth.login_title": {"vi": "Đăng nhập", "en": "Sign in"},
    "auth.username": {"vi": "Tên đăng nhập", "en": "User name"},
    "auth.password": {"vi": "Mật khẩu", "en": "Password"},
    "auth.submit": {"vi": "Đăng nhập", "en": "Sign in"},
    "auth.help": {
        "vi": "Quên mật khẩu? Liên hệ quản trị hệ thống.",
        "en": "Forgotten your password? Ask the system administrator.",
    },
    "auth.wrong": {"vi": "Tên đăng nhập hoặc mật khẩu không đúng.", "en": "Wrong user name or password."},
    "auth.throttled": {
        "vi": "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút hoặc liên hệ quản trị hệ thống.",
        "en": "Too many failed sign-ins. Please try again in 15 minutes or ask the system administrator.",
    },
    "auth.form_expired": {
        "vi": "Biểu mẫu đã hết hạn. Vui lòng nhập lại và đăng nhập.",
        "en": "The form expired. Please enter your details again.",
    },
    "auth.signed_out_ok": {"vi": "Bạn đã đăng xuất.", "en": "You are signed out."},
    "auth.signed_out": {
        "vi": "Phiên đăng nhập đã hết. Vui lòng tải lại trang và đăng nhập.",
        "en": "Your session has ended. Please reload the page and sign in.",
    },
    "auth.home": {"vi": "Về trang của tôi", "en": "Back to my start page"},
    "auth.logout": {"vi": "Đăng xuất", "en": "Sign out"},
    "auth.denied_title": {"vi": "Không có quyền truy cập", "en": "Access denied"},
    "auth.denied_page": {
        "vi": "Tài khoản của bạn không được xem trang này. Nếu cần, hãy liên hệ quản trị hệ thống.",
        "en": "Your account may not open this page. Ask the system administrator if you need it.",
    },
    "auth.denied_unit": {
        "vi": "Tài khoản của bạn chỉ được xem chi tiết của đơn vị mình, không được xem đơn vị “{unit}”.",
        "en": "Your account may only see its own unit's detail, not that of “{unit}”.",
    },
    "auth.denied_level": {
        "vi": "Tài khoản của bạn không được xem bảng xếp hạng cấp “{level}”.",
        "en": "Your account may not see the ranking of “{level}”.",
    },
    "role.leader": {"vi": "Lãnh đạo", "en": "Leader"},
    "role.unit_head": {"vi": "Thủ trưởng đơn vị", "en": "Unit head"},
    "role.admin": {"vi": "Quản trị", "en": "Administrator"},
}
