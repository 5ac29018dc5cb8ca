from tests.api_support import api_media, api_world, fresh_throttles  # noqa: F401
