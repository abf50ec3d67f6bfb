from django.conf import settings

from coalition import roles


def site(request):
    user = request.user
    return {
        "coalition_name": settings.COALITION_NAME,
        "municipality_name": settings.MUNICIPALITY_NAME,
        "support_email": settings.SUPPORT_EMAIL,
        "support_phone": settings.SUPPORT_PHONE,
        "is_coordinator": roles.is_coordinator(user),
        "is_partner": roles.is_partner(user),
    }
