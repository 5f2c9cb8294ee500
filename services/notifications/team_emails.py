"""Emails to people added to a team."""

from __future__ import annotations

from urllib.parse import urlencode

from models import Team, User
from services.notifications.email import Email
from services.notifications.rendering import render
from services.settings import Settings


def team_member_email(
    settings: Settings, *, adder: User, team: Team, has_account: bool, member_email: str
) -> Email:
    """To a confirmed account: see the team. To anyone else: sign up with this address."""
    teams_link = settings.url("/teams")
    added = f'{adder.display_name} ({adder.email}) added you to the team "{team.name}".'
    shared = "Datasets shared with the team are shared with you while you are a member."
    if has_account:
        return render(
            "team_member_added",
            f'You are in the team "{team.name}" on datashare',
            "Hello,",
            [added, shared],
            link=teams_link,
            link_label="See your teams",
        )
    sign_up_link = settings.url("/signup?" + urlencode({"email": member_email, "next": "/teams"}))
    return render(
        "team_signup_invitation",
        f'{adder.display_name} invited you to the team "{team.name}" on datashare',
        "Hello,",
        [
            added,
            shared,
            f"To join, sign up for a free datashare account with this address "
            f"({member_email}) and confirm it.",
        ],
        link=sign_up_link,
        link_label="Sign up to datashare",
    )
