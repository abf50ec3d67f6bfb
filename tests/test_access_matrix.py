"""The access matrix: every URL pattern, for every kind of user, for GET and POST.

The table below is the explicit expectation. It is checked against the URL configuration:
a new URL without an entry fails ``test_every_url_pattern_has_an_entry``. Each row gives the
status codes for, in order: anonymous, partner of organisation A, partner of organisation B,
coordinator (second step done), superuser (second step done) and a coordinator restricted to
one district (second step done). The world's signal lies in another district than that one:
for the restricted coordinator its pages answer 404, as for a signal that does not exist. A
POST is sent with no data and a valid CSRF token: it shows what the view lets each user try,
not a successful change.
"""

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from network.events.tokens import cancel_token
from network.models import Activity, ActivityChange, MistakeReport
from network.partnership.unsubscribe import unsubscribe_token
from network.socialmap import hsds
from network.socialmap import services as network_services
from network.socialmap.tokens import verification_token
from network.thinkalong.tokens import sign_off_token
from signals.models import CoordinatorDistrict, SatisfactionAnswer
from signals.services.feedback import satisfaction_token
from tests.conftest import built_once, copy_client, login
from tests.factories import (
    make_activity,
    make_activity_type,
    make_area,
    make_organisation,
    make_referral,
    make_signal,
    make_user,
)

ROLES = ("anonymous", "partner_a", "partner_b", "coordinator", "superuser", "district_coordinator")

# Namespaces with their own, separately tested access rules.
NOT_IN_MATRIX = {"admin", "django.conf.urls.i18n"}


def pk(key):
    return lambda world: [world[key].pk]


def slug(key):
    return lambda world: [world[key].slug]


def uuid(key):
    return lambda world: [str(world[key].uuid)]


def reset_args(world):
    user = world["partner_a_user"]
    return [urlsafe_base64_encode(force_bytes(user.pk)), default_token_generator.make_token(user)]


# URL arguments, from the objects of the world below.
ARGS = {
    "password_reset_confirm": reset_args,
    "otp_setup_link": lambda world: ["not-a-signed-link"],
    "map_tile": lambda world: [15, 16_834, 10_792],
    "network:activity": pk("activity_a"),
    "monitoring:district": lambda world: [world["signal_a"].district.code],
    "monitoring:district_csv": lambda world: [world["signal_a"].district.code],
    "monitoring:district_xlsx": lambda world: [world["signal_a"].district.code],
    "network:activity_edit": pk("activity_a"),
    "network:activity_ics": pk("activity_a"),
    "network:activity_publish": pk("pending_a"),
    "network:activity_reject": pk("pending_a"),
    "network:activity_type_edit": pk("activity_type"),
    "network:activity_verify": pk("activity_a"),
    "network:api_organization": uuid("organisation_a"),
    "network:api_service": uuid("activity_a"),
    "network:api_service_at_location": lambda world: [
        hsds.service_at_location_id(world["activity_a"].uuid)
    ],
    "network:api_taxonomy": lambda world: [str(hsds.ACTIVITY_TAXONOMY)],
    "network:api_taxonomy_term": uuid("activity_type"),
    "network:change_approve": pk("change_a"),
    "network:change_reject": pk("change_a"),
    "network:organisation": slug("organisation_a"),
    "network:organisation_edit": slug("organisation_a"),
    "network:partner_disable": lambda world: [
        world["organisation_a"].slug,
        world["colleague_a"].pk,
    ],
    "network:partner_enable": lambda world: [world["organisation_a"].slug, world["colleague_a"].pk],
    "network:partner_admin": lambda world: [world["organisation_a"].slug, world["colleague_a"].pk],
    "network:partner_invite": slug("organisation_a"),
    "network:report_mistake": pk("activity_a"),
    "network:report_resolve": pk("report_a"),
    "network:shortlist_add": pk("activity_a"),
    "network:shortlist_remove": pk("activity_a"),
    "network:verify_link": lambda world: [world["verify_token"]],
    "network:workspace_activity": pk("activity_a"),
    "network:workspace_organisation": slug("organisation_a"),
    "monitoring:group": lambda world: ["ouderen"],
    "monitoring:report_pdf": lambda world: [2026],
    **{
        f"signals:{name}": lambda world: [world["signal_a"].reference]
        for name in (
            "anonymise",
            "assign",
            "call_back",
            "cancel",
            "close",
            "contact_attempt",
            "detail",
            "export",
            "move",
            "note",
            "refer",
            "reopen",
            "take",
        )
    },
    "signals:follow_up": lambda world: [world["signal_a"].reference, world["referral_a"].pk],
    # The partner network (issue 5).
    "network:action": pk("action_a"),
    "network:action_edit": pk("action_a"),
    "network:agenda": lambda world: [2026],
    "network:agenda_csv": lambda world: [2026],
    "network:agenda_xlsx": lambda world: [2026],
    "network:agenda_print": lambda world: [2026],
    "network:article": slug("article_a"),
    "network:article_edit": slug("article_a"),
    "network:article_image": slug("article_a"),
    "network:commitments": slug("organisation_a"),
    "network:goal_edit": pk("goal"),
    "network:meeting": pk("meeting_a"),
    "network:meeting_attendance": pk("meeting_a"),
    "network:meeting_edit": pk("meeting_a"),
    "network:meeting_follow_up": pk("meeting_a"),
    "network:meeting_invite": pk("meeting_a"),
    "network:meeting_register": pk("meeting_a"),
    "network:membership_edit": slug("organisation_a"),
    "network:note_add": pk("action_a"),
    "network:organisation_archive": slug("organisation_a"),
    "network:organisation_delete": slug("organisation_a"),
    "network:participant_add": pk("training_a"),
    "network:person_anonymise": pk("person_a"),
    "network:person_edit": pk("person_a"),
    "network:training": pk("training_a"),
    "network:training_edit": pk("training_a"),
    # Partners in the loop (issue 14).
    "network:action_progress": pk("action_a"),
    "network:participation_complete": lambda world: [
        world["training_a"].pk,
        world["participation_a"].pk,
    ],
    "network:unsubscribe": lambda world: [unsubscribe_token(world["person_a"])],
    # Residents think along (issue 16).
    "network:thinkalong_leave": lambda world: [sign_off_token(world["member_a"].pk)],
    "network:thinkalong_member": pk("member_a"),
    "network:thinkalong_member_export": pk("member_a"),
    "network:thinkalong_member_erase": pk("member_a"),
    "network:thinkalong_session": pk("session_a"),
    "network:thinkalong_session_invite": pk("session_a"),
    "network:thinkalong_session_attendance": pk("session_a"),
    "network:thinkalong_finding_add": pk("session_a"),
    "network:thinkalong_idea": pk("idea_a"),
    "network:thinkalong_idea_export": pk("idea_a"),
    "network:thinkalong_idea_erase": pk("idea_a"),
    # The referral handshake (issue 14): referral_a goes to organisation A.
    "signals:inbox_detail": pk("referral_a"),
    "signals:referral_accept": pk("referral_a"),
    "signals:referral_decline": pk("referral_a"),
    "signals:referral_outcome": pk("referral_a"),
    "signals:referral_withdraw": lambda world: [
        world["signal_a"].reference,
        world["referral_a"].pk,
    ],
    "signals:stop_sharing": lambda world: [world["signal_a"].reference],
    # Public events and campaigns (issue 16): event_a is organisation A's.
    "network:event": pk("event_a"),
    "network:event_ics": pk("event_a"),
    "network:event_register": pk("event_a"),
    "network:event_cancel": lambda world: [cancel_token(world["registration_a"])],
    "network:event_registrations": pk("event_a"),
    "network:event_edit": pk("event_a"),
    "network:event_publish": pk("event_a"),
    "network:event_reject": pk("event_a"),
    "network:event_attendance": pk("event_a"),
    "network:event_message": pk("event_a"),
    "network:event_export": pk("event_a"),
    "network:registration_erase": pk("registration_a"),
    "network:registration_export": pk("registration_a"),
    "network:campaign": slug("campaign_a"),
    "network:campaign_poster": slug("campaign_a"),
    "network:campaign_flyer": slug("campaign_a"),
    "network:campaign_edit": pk("campaign_a"),
    "signals:satisfaction": lambda world: [
        satisfaction_token(world["signal_a"], SatisfactionAnswer.Moment.FIRST_CONTACT)
    ],
}

# name: (GET codes, POST codes) for anonymous, partner A, partner B, coordinator, superuser,
# district coordinator
MATRIX = {
    "home": ("200 200 200 200 200 200", "405 405 405 405 405 405"),
    "privacy": ("200 200 200 200 200 200", "405 405 405 405 405 405"),
    # No tile server answers in this world (tests/conftest.py): 502 for everybody alike.
    "map_tile": ("502 502 502 502 502 502", "405 405 405 405 405 405"),
    "healthz": ("200 200 200 200 200 200", "405 405 405 405 405 405"),
    "theme_css": ("200 200 200 200 200 200", "405 405 405 405 405 405"),
    "login": ("200 302 302 302 302 302", "200 302 302 302 302 302"),
    "landing": ("302 302 302 302 302 302", "405 405 405 405 405 405"),
    "logout": ("405 405 405 405 405 405", "200 200 200 200 200 200"),
    "password_reset": ("200 200 200 200 200 200", "200 200 200 200 200 200"),
    "password_reset_done": ("200 200 200 200 200 200", "405 405 405 405 405 405"),
    "password_reset_confirm": ("302 302 302 302 302 302", "302 302 302 302 302 302"),
    "password_reset_complete": ("200 200 200 200 200 200", "405 405 405 405 405 405"),
    "password_change": ("302 200 200 200 200 200", "302 200 200 200 200 200"),
    "password_change_done": ("302 200 200 200 200 200", "302 405 405 405 405 405"),
    "otp_overview": ("302 200 200 200 200 200", "302 200 200 200 200 200"),
    "otp_setup": ("302 200 200 302 302 302", "302 200 200 302 302 302"),
    "otp_verify": ("302 200 200 200 200 200", "302 200 200 200 200 200"),
    "otp_setup_link_send": ("405 405 405 405 405 405", "302 302 302 302 302 302"),
    "otp_setup_link": ("302 200 200 200 200 200", "302 302 302 302 302 302"),
    "otp_recovery_codes": ("302 302 302 302 302 302", "302 302 302 302 302 302"),
    "otp_new_recovery_codes": ("405 405 405 405 405 405", "302 302 302 302 302 302"),
    "otp_disable": ("405 405 405 405 405 405", "302 302 302 302 302 302"),
    # The monitor (issue 6): public figures, coordinator pages.
    "monitoring:confirm_upload": ("302 403 403 405 405 405", "302 403 403 302 302 302"),
    "monitoring:dashboard": ("200 200 200 200 200 200", "405 405 405 405 405 405"),
    "monitoring:export_measurements": ("200 200 200 200 200 200", "405 405 405 405 405 405"),
    "monitoring:export_verdicts": ("200 200 200 200 200 200", "405 405 405 405 405 405"),
    "monitoring:group": ("200 200 200 200 200 200", "405 405 405 405 405 405"),
    # The quickscan (issue 15): staff only, like the district view before it.
    "monitoring:districts": ("302 403 403 200 200 200", "302 403 403 405 405 405"),
    "monitoring:districts_csv": ("302 403 403 200 200 200", "302 403 403 405 405 405"),
    "monitoring:districts_xlsx": ("302 403 403 200 200 200", "302 403 403 405 405 405"),
    "monitoring:district": ("302 403 403 200 200 200", "302 403 403 405 405 405"),
    "monitoring:district_csv": ("302 403 403 200 200 200", "302 403 403 405 405 405"),
    "monitoring:district_xlsx": ("302 403 403 200 200 200", "302 403 403 405 405 405"),
    "monitoring:boundaries": ("302 403 403 200 200 200", "302 403 403 200 200 200"),
    "monitoring:boundaries_confirm": ("302 403 403 405 405 405", "302 403 403 302 302 302"),
    "monitoring:own_figures": ("302 403 403 200 200 200", "302 403 403 405 405 405"),
    "monitoring:report": ("302 403 403 200 200 200", "302 403 403 405 405 405"),
    "monitoring:report_pdf": ("302 403 403 200 200 200", "302 403 403 405 405 405"),
    "monitoring:report_conclusion": ("302 403 403 405 405 405", "302 403 403 302 302 302"),
    "monitoring:upload": ("302 403 403 200 200 200", "302 403 403 200 200 200"),
    # The social map and the partner workspace (issue 3).
    "network:activity": ("200 200 200 200 200 200", "405 405 405 405 405 405"),
    "network:activity_edit": ("302 200 403 200 200 200", "302 200 403 200 200 200"),
    "network:activity_ics": ("200 200 200 200 200 200", "405 405 405 405 405 405"),
    "network:activity_new": ("302 200 200 200 200 200", "302 200 200 200 200 200"),
    "network:activity_publish": ("302 405 405 405 405 405", "302 403 403 302 302 302"),
    "network:activity_reject": ("302 405 405 405 405 405", "302 403 403 302 302 302"),
    "network:activity_type_edit": ("302 403 403 200 200 200", "302 403 403 200 200 200"),
    "network:activity_types": ("302 403 403 200 200 200", "302 403 403 200 200 200"),
    "network:activity_verify": ("302 405 405 405 405 405", "302 302 403 302 302 302"),
    "network:api_organization": ("200 200 200 200 200 200", "405 405 405 405 405 405"),
    "network:api_organizations": ("200 200 200 200 200 200", "405 405 405 405 405 405"),
    "network:api_root": ("200 200 200 200 200 200", "405 405 405 405 405 405"),
    "network:api_service": ("200 200 200 200 200 200", "405 405 405 405 405 405"),
    "network:api_services": ("200 200 200 200 200 200", "405 405 405 405 405 405"),
    "network:api_service_at_location": ("200 200 200 200 200 200", "405 405 405 405 405 405"),
    "network:api_service_at_locations": ("200 200 200 200 200 200", "405 405 405 405 405 405"),
    "network:api_taxonomies": ("200 200 200 200 200 200", "405 405 405 405 405 405"),
    "network:api_taxonomy": ("200 200 200 200 200 200", "405 405 405 405 405 405"),
    "network:api_taxonomy_terms": ("200 200 200 200 200 200", "405 405 405 405 405 405"),
    "network:api_taxonomy_term": ("200 200 200 200 200 200", "405 405 405 405 405 405"),
    "network:change_approve": ("302 405 405 405 405 405", "302 403 403 302 404 404"),
    "network:change_reject": ("302 405 405 405 405 405", "302 403 403 302 302 302"),
    "network:export_csv": ("200 200 200 200 200 200", "405 405 405 405 405 405"),
    "network:export_ics": ("200 200 200 200 200 200", "405 405 405 405 405 405"),
    "network:import": ("302 403 403 200 200 200", "302 403 403 200 200 200"),
    "network:import_confirm": ("302 405 405 405 405 405", "302 403 403 302 302 302"),
    "network:moderation": ("302 403 403 200 200 200", "302 403 403 200 200 200"),
    "network:organisation": ("200 200 200 200 200 200", "405 405 405 405 405 405"),
    "network:organisation_edit": ("302 200 403 200 200 200", "302 302 403 200 200 200"),
    "network:organisation_new": ("302 403 403 200 200 200", "302 403 403 200 200 200"),
    "network:organisations": ("302 403 403 200 200 200", "302 403 403 200 200 200"),
    # Partner A administers organisation A (issue 14): invites and disables colleagues there.
    "network:partner_admin": ("302 405 405 405 405 405", "302 403 403 302 302 302"),
    "network:partner_disable": ("302 405 405 405 405 405", "302 302 403 302 302 302"),
    "network:partner_enable": ("302 405 405 405 405 405", "302 403 403 302 302 302"),
    "network:partner_invite": ("302 200 403 200 200 200", "302 200 403 200 200 200"),
    "network:report_mistake": ("405 405 405 405 405 405", "400 400 400 400 400 400"),
    "network:report_resolve": ("302 405 405 405 405 405", "302 302 403 404 404 404"),
    "network:reports": ("302 403 403 200 200 200", "302 403 403 200 200 200"),
    "network:search": ("200 200 200 200 200 200", "405 405 405 405 405 405"),
    "network:booklet": ("200 200 200 200 200 200", "405 405 405 405 405 405"),
    "network:booklet_form": ("200 200 200 200 200 200", "405 405 405 405 405 405"),
    "network:shortlist": ("200 200 200 200 200 200", "405 405 405 405 405 405"),
    "network:shortlist_add": ("405 405 405 405 405 405", "302 302 302 302 302 302"),
    "network:shortlist_clear": ("405 405 405 405 405 405", "302 302 302 302 302 302"),
    "network:shortlist_csv": ("200 200 200 200 200 200", "405 405 405 405 405 405"),
    "network:shortlist_remove": ("405 405 405 405 405 405", "302 302 302 302 302 302"),
    "network:stale": ("302 403 403 200 200 200", "302 403 403 200 200 200"),
    "network:verify_link": ("200 200 200 200 200 200", "302 302 302 302 302 302"),
    "network:workspace": ("302 200 200 200 200 200", "302 200 200 200 200 200"),
    "network:workspace_activity": ("302 200 403 200 200 200", "302 200 403 200 200 200"),
    "network:workspace_organisation": ("302 200 403 200 200 200", "302 200 403 200 200 200"),
    # The signal intake and triage (issue 4).
    "signals:anonymise": ("405 405 405 405 405 405", "302 403 403 400 400 404"),
    "signals:assign": ("405 405 405 405 405 405", "302 403 403 400 400 404"),
    "signals:call_back": ("405 405 405 405 405 405", "302 403 403 400 400 404"),
    "signals:cancel": ("405 405 405 405 405 405", "302 403 403 400 400 404"),
    "signals:close": ("405 405 405 405 405 405", "302 403 403 400 400 404"),
    "signals:contact_attempt": ("405 405 405 405 405 405", "302 403 403 400 400 404"),
    "signals:desk_report": ("302 403 403 200 200 200", "302 403 403 200 200 200"),
    "signals:detail": ("302 403 403 200 200 404", "302 403 403 200 200 404"),
    "signals:export": ("405 405 405 405 405 405", "302 403 403 200 200 404"),
    "signals:follow_up": ("405 405 405 405 405 405", "302 403 403 400 400 404"),
    "signals:move": ("405 405 405 405 405 405", "302 403 403 400 400 404"),
    "signals:my_reports": ("302 200 200 403 200 403", "302 200 200 403 200 403"),
    "signals:my_work": ("302 403 403 200 200 200", "405 405 405 405 405 405"),
    "signals:note": ("405 405 405 405 405 405", "302 403 403 400 400 404"),
    "signals:queue": ("302 403 403 200 200 200", "302 403 403 200 200 200"),
    "signals:refer": ("302 403 403 200 200 404", "302 403 403 200 200 404"),
    "signals:reopen": ("405 405 405 405 405 405", "302 403 403 400 400 404"),
    "signals:report": ("200 200 200 200 200 200", "200 200 200 200 200 200"),
    "signals:take": ("405 405 405 405 405 405", "302 403 403 302 302 404"),
    "signals:thanks": ("200 200 200 200 200 200", "200 200 200 200 200 200"),
    # The partner network (issue 5): public member list and awareness pages; the rest is for
    # partners and coordinators. Partner A's organisation takes part in the action.
    "network:action": ("302 200 200 200 200 200", "302 200 200 200 200 200"),
    "network:action_edit": ("302 403 403 200 200 200", "302 403 403 200 200 200"),
    "network:action_new": ("302 403 403 200 200 200", "302 403 403 200 200 200"),
    "network:agenda": ("302 200 200 200 200 200", "302 200 200 200 200 200"),
    "network:agenda_csv": ("302 200 200 200 200 200", "302 200 200 200 200 200"),
    "network:agenda_xlsx": ("302 200 200 200 200 200", "302 200 200 200 200 200"),
    "network:agenda_current": ("302 302 302 302 302 302", "302 302 302 302 302 302"),
    "network:agenda_print": ("302 200 200 200 200 200", "302 200 200 200 200 200"),
    "network:article": ("200 200 200 200 200 200", "405 405 405 405 405 405"),
    # Public events and campaigns (issue 16). Partner B sees the list, not A's event.
    "network:events": ("200 200 200 200 200 200", "405 405 405 405 405 405"),
    "network:events_ics": ("200 200 200 200 200 200", "405 405 405 405 405 405"),
    "network:event": ("200 200 200 200 200 200", "405 405 405 405 405 405"),
    "network:event_ics": ("200 200 200 200 200 200", "405 405 405 405 405 405"),
    "network:event_register": ("200 200 200 200 200 200", "200 200 200 200 200 200"),
    "network:event_cancel": ("200 200 200 200 200 200", "200 200 200 200 200 200"),
    "network:event_admin": ("302 200 200 200 200 200", "302 405 405 405 405 405"),
    "network:event_new": ("302 200 200 200 200 200", "302 200 200 200 200 200"),
    "network:event_registrations": ("302 200 403 200 200 200", "302 405 405 405 405 405"),
    "network:event_edit": ("302 200 403 200 200 200", "302 200 403 200 200 200"),
    "network:event_publish": ("302 405 405 405 405 405", "302 403 403 302 302 302"),
    "network:event_reject": ("302 405 405 405 405 405", "302 403 403 302 302 302"),
    "network:event_attendance": ("302 405 405 405 405 405", "302 302 403 302 302 302"),
    "network:event_message": ("302 405 405 405 405 405", "302 400 403 400 400 400"),
    "network:event_export": ("302 200 403 200 200 200", "302 405 405 405 405 405"),
    "network:registration_erase": ("302 405 405 405 405 405", "302 302 403 302 302 302"),
    "network:registration_export": ("302 200 403 200 200 200", "302 405 405 405 405 405"),
    "network:campaign": ("200 200 200 200 200 200", "405 405 405 405 405 405"),
    "network:campaign_poster": ("200 200 200 200 200 200", "405 405 405 405 405 405"),
    "network:campaign_flyer": ("200 200 200 200 200 200", "405 405 405 405 405 405"),
    "network:campaign_admin": ("302 403 403 200 200 200", "302 403 403 405 405 405"),
    "network:campaign_new": ("302 403 403 200 200 200", "302 403 403 200 200 200"),
    "network:campaign_edit": ("302 403 403 200 200 200", "302 403 403 200 200 200"),
    "network:article_admin": ("302 403 403 200 200 200", "302 403 403 200 200 200"),
    "network:article_edit": ("302 403 403 200 200 200", "302 403 403 200 200 200"),
    "network:article_image": ("200 200 200 200 200 200", "405 405 405 405 405 405"),
    "network:article_new": ("302 403 403 200 200 200", "302 403 403 200 200 200"),
    "network:articles": ("200 200 200 200 200 200", "405 405 405 405 405 405"),
    "network:cascade": ("302 200 200 200 200 200", "302 200 200 200 200 200"),
    "network:commitments": ("302 200 200 200 200 200", "302 200 200 200 200 200"),
    "network:goal_edit": ("302 403 403 200 200 200", "302 403 403 200 200 200"),
    "network:goals": ("302 200 200 200 200 200", "302 200 200 200 200 200"),
    "network:meeting": ("302 200 200 200 200 200", "302 200 200 200 200 200"),
    "network:meeting_attendance": ("302 405 405 405 405 405", "302 403 403 302 302 302"),
    "network:meeting_edit": ("302 403 403 200 200 200", "302 403 403 200 200 200"),
    "network:meeting_follow_up": ("302 405 405 405 405 405", "302 403 403 400 400 400"),
    "network:meeting_invite": ("302 405 405 405 405 405", "302 403 403 302 302 302"),
    "network:meeting_new": ("302 403 403 200 200 200", "302 403 403 200 200 200"),
    "network:meeting_register": ("302 405 405 405 405 405", "302 400 400 400 400 400"),
    "network:meetings": ("302 200 200 200 200 200", "302 200 200 200 200 200"),
    "network:meetings_ics": ("302 200 200 200 200 200", "302 200 200 200 200 200"),
    "network:members": ("200 200 200 200 200 200", "405 405 405 405 405 405"),
    "network:members_admin": ("302 403 403 200 200 200", "302 403 403 200 200 200"),
    "network:members_csv": ("302 403 403 200 200 200", "302 403 403 200 200 200"),
    "network:members_xlsx": ("302 403 403 200 200 200", "302 403 403 200 200 200"),
    "network:members_growth": ("302 403 403 200 200 200", "302 403 403 200 200 200"),
    "network:membership_edit": ("302 403 403 200 200 200", "302 403 403 200 200 200"),
    "network:note_add": ("302 405 405 405 405 405", "302 400 403 400 400 400"),
    "network:organisation_archive": ("302 405 405 405 405 405", "302 403 403 302 302 302"),
    "network:organisation_delete": ("302 403 403 200 200 200", "302 403 403 409 409 409"),
    "network:participant_add": ("302 405 405 405 405 405", "302 403 403 400 400 400"),
    "network:people": ("302 200 200 200 200 200", "302 200 200 200 200 200"),
    "network:people_csv": ("302 403 403 200 200 200", "302 403 403 200 200 200"),
    "network:people_xlsx": ("302 403 403 200 200 200", "302 403 403 200 200 200"),
    "network:person_anonymise": ("302 405 405 405 405 405", "302 403 403 302 404 404"),
    "network:person_edit": ("302 403 403 200 200 200", "302 403 403 200 200 200"),
    "network:person_new": ("302 403 403 200 200 200", "302 403 403 200 200 200"),
    "network:training": ("302 200 200 200 200 200", "302 200 200 200 200 200"),
    "network:training_edit": ("302 403 403 200 200 200", "302 403 403 200 200 200"),
    "network:training_new": ("302 403 403 200 200 200", "302 403 403 200 200 200"),
    "network:trainings": ("302 200 200 200 200 200", "302 200 200 200 200 200"),
    # Partners in the loop (issue 14): partner A's organisation leads the action.
    "network:action_progress": ("302 405 405 405 405 405", "302 400 403 400 400 400"),
    "network:participation_complete": ("302 405 405 405 405 405", "302 403 403 302 302 302"),
    "network:ambassadors": ("302 200 200 200 200 200", "302 200 200 200 200 200"),
    "network:ambassadors_csv": ("302 200 200 200 200 200", "302 200 200 200 200 200"),
    "network:ambassadors_xlsx": ("302 200 200 200 200 200", "302 200 200 200 200 200"),
    "network:contribution_new": ("302 200 200 200 200 200", "302 400 400 400 400 400"),
    "network:ambassador_message": ("302 403 403 200 200 200", "302 403 403 400 400 400"),
    "network:unsubscribe": ("200 200 200 200 200 200", "200 200 200 200 200 200"),
    # The referral handshake (issue 14): partners answer referrals to their own organisation
    # only (another's is 404, as one that does not exist); a superuser has no organisation.
    # Accepting needs no data, so partner A's empty POST accepts (302); the signal_a of the
    # world has no consent to share, so withdrawing it is refused (302 with a message).
    "signals:inbox": ("302 200 200 403 200 403", "405 405 405 405 405 405"),
    "signals:inbox_detail": ("302 200 404 403 404 403", "405 405 405 405 405 405"),
    "signals:referral_accept": ("405 405 405 405 405 405", "302 302 404 403 404 403"),
    "signals:referral_decline": ("405 405 405 405 405 405", "302 400 404 403 404 403"),
    "signals:referral_outcome": ("405 405 405 405 405 405", "302 400 404 403 404 403"),
    "signals:referral_withdraw": ("405 405 405 405 405 405", "302 403 403 302 302 404"),
    "signals:stop_sharing": ("405 405 405 405 405 405", "302 403 403 302 302 404"),
    # The reporter hears back (issue 14): the signed link answers without logging in.
    "signals:satisfaction": ("200 200 200 200 200 200", "200 200 200 200 200 200"),
    "signals:satisfaction_thanks": ("200 200 200 200 200 200", "405 405 405 405 405 405"),
    # Residents think along (issue 16): public forms and the signed sign-off link; the
    # coordinators' pages with the contact details. An empty form shows its errors (200,
    # 400); erasing twice finds nothing the second time (404).
    "network:thinkalong": ("200 200 200 200 200 200", "405 405 405 405 405 405"),
    "network:thinkalong_join": ("200 200 200 200 200 200", "200 200 200 200 200 200"),
    "network:thinkalong_joined": ("200 200 200 200 200 200", "405 405 405 405 405 405"),
    "network:thinkalong_idea_new": ("200 200 200 200 200 200", "200 200 200 200 200 200"),
    "network:thinkalong_idea_sent": ("200 200 200 200 200 200", "405 405 405 405 405 405"),
    "network:thinkalong_leave": ("200 200 200 200 200 200", "200 200 200 200 200 200"),
    "network:thinkalong_dashboard": ("302 403 403 200 200 200", "302 405 405 405 405 405"),
    "network:thinkalong_members": ("302 403 403 200 200 200", "302 405 405 405 405 405"),
    "network:thinkalong_member": ("302 403 403 200 200 200", "302 405 405 405 405 405"),
    "network:thinkalong_member_export": ("302 403 403 200 200 200", "302 405 405 405 405 405"),
    "network:thinkalong_member_erase": ("302 405 405 405 405 405", "302 403 403 302 404 404"),
    "network:thinkalong_session_new": ("302 403 403 200 200 200", "302 403 403 200 200 200"),
    "network:thinkalong_session": ("302 403 403 200 200 200", "302 405 405 405 405 405"),
    "network:thinkalong_session_invite": ("302 405 405 405 405 405", "302 403 403 302 302 302"),
    "network:thinkalong_session_attendance": (
        "302 405 405 405 405 405",
        "302 403 403 302 302 302",
    ),
    "network:thinkalong_finding_add": ("302 405 405 405 405 405", "302 403 403 400 400 400"),
    "network:thinkalong_ideas": ("302 403 403 200 200 200", "302 405 405 405 405 405"),
    "network:thinkalong_idea": ("302 403 403 200 200 200", "302 403 403 400 400 400"),
    "network:thinkalong_idea_export": ("302 403 403 200 200 200", "302 405 405 405 405 405"),
    "network:thinkalong_idea_erase": ("302 405 405 405 405 405", "302 403 403 302 404 404"),
}


def url_for(name: str, world: dict) -> str:
    args_from = ARGS.get(name)
    return reverse(name, args=args_from(world) if args_from else None)


def url_names(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            module = getattr(entry.urlconf_module, "__name__", "")
            if entry.namespace in NOT_IN_MATRIX or module in NOT_IN_MATRIX:
                continue
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from url_names(entry, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield namespace + entry.name


def test_every_url_pattern_has_an_entry():
    assert set(url_names()) == set(MATRIX)


@pytest.fixture(scope="module")
def built_world(django_db_setup, django_db_blocker):
    """Real objects for every URL argument, and a client per role; built once for the
    module, and every test rolled back to it (see ``built_once``)."""
    with built_once(django_db_blocker):
        yield build_world()


@pytest.fixture
def world(db, built_world):
    """The world as built, with fresh copies of the clients: a logout in one test does not
    log the next one out."""
    clients = {role: copy_client(client) for role, client in built_world["clients"].items()}
    return {**built_world, "clients": clients}


def build_world() -> dict:
    partner_a = make_user(username="a@example.org", roles=["partner"])
    partner_b = make_user(username="b@example.org", roles=["partner"])
    coordinator = make_user(username="c@example.org", roles=["coordinator"])
    superuser = make_user(username="s@example.org", is_superuser=True, is_staff=True)
    district_coordinator = make_user(username="d@example.org", roles=["coordinator"])
    CoordinatorDistrict.objects.create(
        user=district_coordinator, district=make_area(code="WK191608", name="Stompwijk")
    )
    colleague_a = make_user(username="a2@example.org", roles=["partner"])
    organisation_a = make_organisation(
        name="Organisatie A", slug="organisatie-a", users=[partner_a, colleague_a]
    )
    organisation_a.user_links.filter(user=partner_a).update(is_admin=True)
    organisation_b = make_organisation(
        name="Organisatie B", slug="organisatie-b", users=[partner_b]
    )
    activity_a = make_activity(organisation=organisation_a, title="Wandelen in A")
    pending_a = make_activity(
        organisation=organisation_a,
        title="Nieuw in A",
        publication_state=Activity.Publication.PENDING,
    )
    signal_a = make_signal(
        reported_by=partner_a,
        reporter_organisation=organisation_a,
        status="in_progress",
        assigned_to=coordinator,
        district=make_area(code="WK191601", name="Voorburg-Noord"),
    )
    referral_a = make_referral(signal=signal_a, activity=activity_a)
    return {
        "signal_a": signal_a,
        "referral_a": referral_a,
        "partner_a_user": partner_a,
        "colleague_a": colleague_a,
        "organisation_a": organisation_a,
        "organisation_b": organisation_b,
        "activity_a": activity_a,
        "pending_a": pending_a,
        "activity_type": make_activity_type("bewegen"),
        "change_a": ActivityChange.objects.create(
            activity=activity_a,
            data=network_services.values_of(activity_a),
            proposed_by=partner_a,
        ),
        "report_a": MistakeReport.objects.create(activity=activity_a, message="Tijd klopt niet"),
        "verify_token": verification_token(activity_a, partner_a),
        **partner_network_world(organisation_a),
        **thinkalong_world(),
        "clients": {
            "anonymous": Client(enforce_csrf_checks=True),
            "partner_a": login(Client(enforce_csrf_checks=True), partner_a, verified=False),
            "partner_b": login(Client(enforce_csrf_checks=True), partner_b, verified=False),
            "coordinator": login(Client(enforce_csrf_checks=True), coordinator),
            "superuser": login(Client(enforce_csrf_checks=True), superuser),
            "district_coordinator": login(Client(enforce_csrf_checks=True), district_coordinator),
        },
    }


def partner_network_world(organisation_a) -> dict:
    """Objects of the partner network (issue 5): organisation A takes part in the action."""
    from network.models import Goal, Participation
    from tests.factories import make_action, make_article, make_meeting, make_person, make_training

    person_a = make_person(organisation=organisation_a)
    training_a = make_training()
    return {
        "action_a": make_action(participants=[organisation_a], lead_organisation=organisation_a),
        "meeting_a": make_meeting(invited=[organisation_a]),
        "person_a": person_a,
        "training_a": training_a,
        "participation_a": Participation.objects.create(training=training_a, person=person_a),
        "goal": Goal.objects.get(number=1),
        **events_world(organisation_a),
        "article_a": make_article(
            slug="uitleg", image=b"\x89PNG\r\n\x1a\n", image_type="image/png", image_alt="x"
        ),
    }


def events_world(organisation_a) -> dict:
    """A public event of organisation A with one registration, and a campaign (issue 16)."""
    from tests.factories import make_campaign, make_event_registration, make_public_event

    campaign_a = make_campaign(slug="voel-je-thuis")
    event_a = make_public_event(organisation=organisation_a, campaign=campaign_a)
    return {
        "campaign_a": campaign_a,
        "event_a": event_a,
        "registration_a": make_event_registration(event=event_a),
    }


def thinkalong_world() -> dict:
    """Objects of "Denk mee" (issue 16): a member, a session of their group, an idea."""
    from coalition.models import TargetGroup
    from network.models import FocusGroupMember, FocusSession, Idea

    group = TargetGroup.objects.get(slug="ouderen")
    member_a = FocusGroupMember.objects.create(
        target_group=group, name="Ria", email="ria@example.org", consent_at=timezone.now()
    )
    session_a = FocusSession.objects.create(
        target_group=group, starts_at=timezone.now(), place="Buurtkamer"
    )
    idea_a = Idea.objects.create(text="Een bankje bij de supermarkt", email="jan@example.org")
    return {"member_a": member_a, "session_a": session_a, "idea_a": idea_a}


def with_csrf(client: Client) -> dict:
    """A valid CSRF token for a POST: the one the site would have put in the form."""
    from django.middleware.csrf import _get_new_csrf_string, _mask_cipher_secret

    secret = _get_new_csrf_string()
    client.cookies["csrftoken"] = secret
    return {"csrfmiddlewaretoken": _mask_cipher_secret(secret)}


def assert_security_headers(response) -> None:
    """Every page carries the strict CSP and the other security headers."""
    if "text/html" not in response.get("Content-Type", ""):
        return
    csp = response["Content-Security-Policy"]
    assert "script-src 'self';" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


# Rows whose page is a PDF made on the server (seconds each): they run with the slow tests.
MADE_AS_PDF = {
    "monitoring:report_pdf",
    "network:booklet",
    "network:campaign_poster",
    "network:campaign_flyer",
}


def rows(*, network: bool) -> list:
    """The rows of the social map and partner network, or all the others. They are checked
    in two modules (this one and ``test_access_matrix_network.py``), so that pytest-xdist runs
    them on two workers, each building the world once; the table stays one."""
    return [
        pytest.param(name, marks=pytest.mark.slow) if name in MADE_AS_PDF else name
        for name in sorted(MATRIX)
        if name.startswith("network:") == network
    ]


def check_row(world: dict, name: str) -> None:
    """Every role's GET and POST of the row's URL answer as the table says."""
    get_codes, post_codes = MATRIX[name]
    url = url_for(name, world)
    outcome = {"GET": [], "POST": []}

    for role in ROLES:
        client = world["clients"][role]
        response = client.get(url)
        outcome["GET"].append(str(response.status_code))
        outcome["POST"].append(str(client.post(url, with_csrf(client)).status_code))
        assert_security_headers(response)

    assert " ".join(outcome["GET"]) == get_codes, f"GET {url}"
    assert " ".join(outcome["POST"]) == post_codes, f"POST {url}"


def test_the_two_modules_check_every_row():
    names = [getattr(row, "values", (row,))[0] for row in rows(network=False) + rows(network=True)]

    assert sorted(names) == sorted(MATRIX)


@pytest.mark.parametrize("name", rows(network=False))
def test_access_matrix(world, name):
    check_row(world, name)


def test_every_post_without_a_csrf_token_is_refused(world):
    client = world["clients"]["coordinator"]
    for name, (_, post_codes) in MATRIX.items():
        if post_codes.split()[3] == "405":
            continue
        url = url_for(name, world)

        assert client.post(url, {}).status_code == 403, url
