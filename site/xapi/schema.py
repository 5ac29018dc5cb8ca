"""drf-spectacular postprocessing: POST /xapi/statements takes one statement or a list, and
GET answers a StatementResult, or one statement when asked for it by id."""


def statements_one_or_many(result, generator, request, public):
    operations = result.get("paths", {}).get("/xapi/statements", {})
    components = result.get("components", {}).get("schemas", {})
    post = operations.get("post", {}).get("requestBody", {}).get("content", {})
    if "application/json" in post:
        single = post["application/json"]["schema"]
        post["application/json"]["schema"] = {
            "oneOf": [single, {"type": "array", "items": single, "minItems": 1, "maxItems": 200}]
        }
    get = operations.get("get", {}).get("responses", {}).get("200", {}).get("content", {})
    if "application/json" in get and "StoredStatement" in components:
        get["application/json"]["schema"] = {
            "oneOf": [
                get["application/json"]["schema"],
                {"$ref": "#/components/schemas/StoredStatement"},
            ]
        }
    return result
