"""Sending a pending grant's invitation again, which restarts its expiry (SPEC section 9)."""

from __future__ import annotations

from datetime import timedelta

from tortoise.transactions import in_transaction

from models import ShareGrant, User
from services import access, events
from services.address_locks import lock_addresses
from services.clock import now
from services.datasets import grant_facts
from services.errors import RateLimited
from services.grants import grant_in_view
from services.notifications.outbox import enqueue
from services.notifications.sharing_emails import invitation_email
from services.settings import Settings

# At most one resend per grant in any such interval (the share's own email does not count).
RESEND_INTERVAL = timedelta(minutes=10)


async def resend_invitation(viewer: User, grant_id: int | None, settings: Settings) -> ShareGrant:
    """Queue the invitation of a pending grant again and restart its expiry.

    Should the address have a confirmed account by now (its invitation ran out before the
    confirmation), the grant is accepted at once, as a new share to it would be.
    """
    async with in_transaction() as conn:
        grant, viewed = await grant_in_view(viewer, grant_id, conn)
        access.check_resend_invitation(
            viewer.id, viewed.facts, viewed.viewer_grant_facts, grant_facts(grant)
        )
        # Before reading whether the address has a confirmed account: see `address_locks`.
        await lock_addresses([grant.recipient_email], conn)
        moment = now()
        if grant.invitation_resent_at and grant.invitation_resent_at > moment - RESEND_INTERVAL:
            raise RateLimited(
                "This invitation was sent again less than 10 minutes ago. Try again later."
            )
        account = (
            await User.filter(email=grant.recipient_email, email_verified_at__not_isnull=True)
            .using_db(conn)
            .first()
        )
        grant.invitation_sent_at = moment
        grant.invitation_resent_at = moment
        if account is None:
            grant.invitation_expires_at = moment + settings.invitation_lifetime
        else:
            grant.recipient_id = account.id
            grant.accepted_at = moment
            grant.invitation_expires_at = None
        await grant.save(using_db=conn)
        sharer = await User.get(id=grant.granted_by_id, using_db=conn)
        email = invitation_email(
            settings,
            sharer=sharer,
            dataset=viewed.dataset,
            message=grant.message,
            has_account=account is not None,
            recipient_email=grant.recipient_email,
        )
        await enqueue(email, grant.recipient_email, using_db=conn)
        await events.publish(conn, grant.dataset_id)
        return grant
