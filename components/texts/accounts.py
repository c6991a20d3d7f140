"""Words of the accounts page."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "nav.accounts": {"vi": "Tài khoản", "en": "Accounts"},
    "title.accounts": {"vi": "Tài khoản", "en": "Accounts"},
    "accounts.title": {"vi": "Tài khoản người dùng", "en": "User accounts"},
    "accounts.lead": {
        "vi": "Tạo, khóa, mở lại tài khoản và đặt lại mật khẩu. Mật khẩu mới chỉ hiện một lần; "
        "khóa tài khoản hay đặt lại mật khẩu kết thúc ngay mọi phiên đang mở của tài khoản đó.",
        "en": "Create, disable and re-enable accounts and reset passwords. A new password is shown once; "
        "disabling an account or resetting its password ends its open sessions at once.",
    },
    "accounts.create": {"vi": "Tạo tài khoản", "en": "Create an account"},
    "accounts.username": {"vi": "Tên đăng nhập", "en": "User name"},
    "accounts.role": {"vi": "Vai trò", "en": "Role"},
    "accounts.unit": {"vi": "Đơn vị (chỉ cho thủ trưởng đơn vị)", "en": "Unit (unit heads only)"},
    "accounts.unit_placeholder": {"vi": "Gõ tên đơn vị, ví dụ “Sở Y tế”", "en": "Type a unit's name, e.g. “Sở Y tế”"},
    "accounts.create_button": {"vi": "Tạo và cấp mật khẩu", "en": "Create and issue a password"},
    "accounts.manage": {"vi": "Khóa, mở lại, đặt lại mật khẩu", "en": "Disable, re-enable, reset a password"},
    "accounts.account": {"vi": "Tài khoản", "en": "Account"},
    "accounts.disable": {"vi": "Khóa", "en": "Disable"},
    "accounts.enable": {"vi": "Mở lại", "en": "Re-enable"},
    "accounts.reset": {"vi": "Đặt lại mật khẩu", "en": "Reset the password"},
    "accounts.list": {"vi": "Danh sách tài khoản", "en": "Accounts"},
    "accounts.col.user": {"vi": "Tài khoản", "en": "Account"},
    "accounts.col.role": {"vi": "Vai trò", "en": "Role"},
    "accounts.col.unit": {"vi": "Đơn vị", "en": "Unit"},
    "accounts.col.state": {"vi": "Trạng thái", "en": "State"},
    "accounts.active": {"vi": "Đang dùng", "en": "Active"},
    "accounts.disabled": {"vi": "Đã khóa", "en": "Disabled"},
    "accounts.created": {"vi": "Đã tạo tài khoản “{user}”. Mật khẩu:", "en": "Account “{user}” created. Password:"},
    "accounts.reset_done": {
        "vi": "Đã đặt lại mật khẩu của “{user}”; các phiên đang mở đã kết thúc. Mật khẩu mới:",
        "en": "The password of “{user}” was reset and its open sessions ended. New password:",
    },
    "accounts.password_once": {
        "vi": "Mật khẩu chỉ hiện lần này (hệ thống chỉ lưu bản băm): hãy trao cho người dùng ngay.",
        "en": "The password is shown only this once (only its hash is stored): hand it over now.",
    },
    "accounts.disabled_done": {
        "vi": "Đã khóa “{user}”; các phiên đang mở của tài khoản này đã kết thúc.",
        "en": "“{user}” is disabled; its open sessions have ended.",
    },
    "accounts.enabled_done": {"vi": "Đã mở lại “{user}”.", "en": "“{user}” is enabled again."},
    "accounts.pick_unit": {
        "vi": "Hãy chọn đơn vị mà thủ trưởng này phụ trách.",
        "en": "Choose the unit this unit head is responsible for.",
    },
    "accounts.pick_account": {"vi": "Hãy chọn một tài khoản.", "en": "Choose an account."},
    "accounts.not_yourself": {
        "vi": "Không thể tự khóa tài khoản đang dùng: nhờ một quản trị viên khác.",
        "en": "You cannot disable the account you are signed in with: ask another administrator.",
    },
}
