"""Emails about accounts: confirm an address, an address already taken, reset a password."""

from __future__ import annotations

from urllib.parse import urlencode

from services.notifications.email import Email
from services.notifications.rendering import render
from services.settings import Settings


def confirm_address(settings: Settings, display_name: str, token: str) -> Email:
    return render(
        "confirm_address",
        "Confirm your datashare account",
        f"Hello {display_name},",
        [
            "Welcome to datashare. Confirm your email address to finish creating your account.",
            "The link works once and expires in 48 hours. If you did not sign up, ignore this.",
        ],
        link=settings.url("/verify-email?" + urlencode({"token": token})),
        link_label="Confirm your address",
    )


def address_already_registered(settings: Settings, display_name: str) -> Email:
    return render(
        "address_already_registered",
        "Someone tried to sign up with your address",
        f"Hello {display_name},",
        [
            "Someone just tried to create a datashare account with your email address, "
            "which already has one. If it was you, log in; if you forgot your password, "
            "reset it from the log-in page.",
            "If it was not you, you can ignore this email: nothing changed.",
        ],
        link=settings.url("/login"),
        link_label="Log in",
    )


def unconfirmed_address_registered(settings: Settings, display_name: str, token: str) -> Email:
    return render(
        "unconfirmed_address_registered",
        "Someone tried to sign up with your address",
        f"Hello {display_name},",
        [
            "Someone just tried to create a datashare account with your email address. "
            "An account with this address already exists but was never confirmed.",
            "If it was you, choose your password with the link below: that also confirms "
            "the address. The link works once and expires in one hour. "
            "If it was not you, ignore this email: nothing changed.",
        ],
        link=settings.url("/reset-password?" + urlencode({"token": token})),
        link_label="Choose your password",
    )


def reset_password(settings: Settings, display_name: str, token: str) -> Email:
    return render(
        "reset_password",
        "Reset your datashare password",
        f"Hello {display_name},",
        [
            "Someone asked to reset the password of your datashare account.",
            "The link works once and expires in one hour. If you did not ask, ignore this: "
            "your password stays as it is.",
        ],
        link=settings.url("/reset-password?" + urlencode({"token": token})),
        link_label="Choose a new password",
    )
