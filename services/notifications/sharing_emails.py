"""Invitations to a shared dataset."""

from __future__ import annotations

from urllib.parse import urlencode

from models import Dataset, User
from services.ids import encode_id
from services.notifications.email import Email
from services.notifications.rendering import render
from services.settings import Settings


def invitation_email(
    settings: Settings,
    *,
    sharer: User,
    dataset: Dataset,
    message: str,
    has_account: bool,
    recipient_email: str,
) -> Email:
    """To a confirmed account: open the dataset. To anyone else: sign up with this address."""
    dataset_link = settings.url(f"/datasets/{encode_id('Dataset', dataset.id)}")
    shared = f'{sharer.display_name} ({sharer.email}) shared the dataset "{dataset.name}" with you.'
    if has_account:
        return render(
            "share_invitation",
            f'{sharer.display_name} shared "{dataset.name}" with you',
            "Hello,",
            [shared, "Log in to datashare to explore it."],
            link=dataset_link,
            link_label="Open the dataset",
            quote=message,
        )
    sign_up_link = settings.url(
        "/sign-up?" + urlencode({"email": recipient_email, "next": dataset_link})
    )
    return render(
        "share_signup_invitation",
        f'{sharer.display_name} invited you to "{dataset.name}" on datashare',
        "Hello,",
        [
            shared,
            f"To see it, sign up for a free datashare account with this address "
            f"({recipient_email}) and confirm it: the dataset will be waiting for you. "
            f"Once signed up, it is at {dataset_link}",
        ],
        link=sign_up_link,
        link_label="Sign up to datashare",
        quote=message,
    )
