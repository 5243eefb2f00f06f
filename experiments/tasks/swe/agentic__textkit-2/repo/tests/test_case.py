from textkit import camel_case, snake_case, title_case


def test_title_case_basic():
    assert title_case("the lord of the rings") == "The Lord of the Rings"


def test_title_case_small_words_inside():
    assert title_case("a tale of two cities") == "A Tale of Two Cities"


def test_title_case_keeps_inner_capitals():
    assert title_case("why the iPhone beat NASA") == "Why the iPhone Beat NASA"


def test_title_case_hyphenated():
    assert title_case("a step-by-step guide") == "A Step-by-Step Guide"


def test_title_case_collapses_whitespace():
    assert title_case("  war   and  peace ") == "War and Peace"


def test_title_case_empty():
    assert title_case("") == ""


def test_snake_case():
    assert snake_case("HTTPServer error-code") == "http_server_error_code"
    assert snake_case("parseJSONResponse") == "parse_json_response"


def test_camel_case():
    assert camel_case("http server error") == "httpServerError"
    assert camel_case("http_server_error", upper_first=True) == "HttpServerError"
    assert camel_case("") == ""
