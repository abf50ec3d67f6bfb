from django.conf import settings


def site(request):
    return {
        "coalition_name": settings.COALITION_NAME,
        "municipality_name": settings.MUNICIPALITY_NAME,
        "support_email": settings.SUPPORT_EMAIL,
        "support_phone": settings.SUPPORT_PHONE,
        "site_logo": settings.SITE_LOGO,
    }
