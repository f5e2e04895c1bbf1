"""Errors on the API's paths are JSON, whoever answers them.

Django answers some errors itself, before or around any view, with HTML an API client cannot
read: a body larger than ``DATA_UPLOAD_MAX_MEMORY_SIZE``, a host not in ``ALLOWED_HOSTS``, a
CSRF refusal, a 404 or 500 from its handlers. This middleware, first in ``MIDDLEWARE`` so that
it sees every answer, gives each of those the API's error shape, ``{"detail": "..."}``, with
the same status and headers (Retry-After, Allow, CORS). Answers that are JSON already, and
everything outside ``/api/``, pass untouched.
"""

from http import HTTPStatus

from django.http import JsonResponse

API_PREFIX = "/api/"
REPLACED_HEADERS = {"content-type", "content-length"}


class JSONErrorsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.status_code < 400
            or not request.path_info.startswith(API_PREFIX)
            or response.get("Content-Type", "").startswith("application/json")
        ):
            return response
        try:
            detail = HTTPStatus(response.status_code).phrase
        except ValueError:
            detail = "Error"
        answer = JsonResponse({"detail": detail}, status=response.status_code)
        for name, value in response.headers.items():
            if name.lower() not in REPLACED_HEADERS:
                answer[name] = value
        return answer
