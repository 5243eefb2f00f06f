import hashlib
import json
import math
from pathlib import Path

OUTPUT = Path("/app/output/inventory.json")

EXPECTED_ITEMS = [
    {'id': 1001, 'name': 'Claw hammer', 'category': 'tools', 'price': 14.99, 'quantity': 25, 'discontinued': False, 'tags': ['steel', 'hand-tool']},
    {'id': 1002, 'name': 'Screwdriver set, 8 pieces', 'category': 'tools', 'price': 27.9, 'quantity': 10, 'discontinued': False, 'tags': ['hand-tool', 'set']},
    {'id': 1003, 'name': 'Measuring tape 5m', 'category': 'tools', 'price': 9.75, 'quantity': 0, 'discontinued': False, 'tags': []},
    {'id': 1004, 'name': '12" wooden ruler', 'category': 'office', 'price': 3.2, 'quantity': 140, 'discontinued': False, 'tags': []},
    {'id': 1005, 'name': 'Stapler', 'category': 'office', 'price': None, 'quantity': 8, 'discontinued': True, 'tags': []},
    {'id': 1006, 'name': 'Paint roller, 9"', 'category': 'paint', 'price': 7.45, 'quantity': 30, 'discontinued': False, 'tags': ['roller', 'brush']},
    {'id': 1007, 'name': 'Exterior paint 10L', 'category': 'paint', 'price': 64.0, 'quantity': 4, 'discontinued': False, 'tags': ['outdoor', 'paint']},
    {'id': 1008, 'name': 'Drill bits (HSS)', 'category': 'tools', 'price': 18.0, 'quantity': 0, 'discontinued': True, 'tags': ['drill', 'set']},
    {'id': 1009, 'name': 'Sandpaper assortment', 'category': None, 'price': 5.6, 'quantity': 55, 'discontinued': False, 'tags': ['abrasive']},
    {'id': 1010, 'name': 'Masking tape', 'category': 'paint', 'price': 2.95, 'quantity': 200, 'discontinued': True, 'tags': []},
    {'id': 1011, 'name': 'Cable ties (100)', 'category': None, 'price': 4.1, 'quantity': 0, 'discontinued': False, 'tags': []},
    {'id': 1012, 'name': 'Glue, wood "extra strong"', 'category': 'office', 'price': 6.3, 'quantity': 17, 'discontinued': False, 'tags': ['adhesive']},
    {'id': 1013, 'name': 'Safety goggles', 'category': 'safety', 'price': 11.25, 'quantity': 9, 'discontinued': False, 'tags': ['ppe', 'eye']},
    {'id': 1014, 'name': 'Work gloves', 'category': 'safety', 'price': 8.4, 'quantity': 36, 'discontinued': False, 'tags': ['ppe', 'hands']},
    {'id': 1015, 'name': 'Ear defenders', 'category': 'safety', 'price': None, 'quantity': 3, 'discontinued': False, 'tags': ['ppe']},
    {'id': 1016, 'name': 'Spirit level 60cm', 'category': 'tools', 'price': 16.8, 'quantity': 7, 'discontinued': False, 'tags': []},
    {'id': 1017, 'name': 'Extension cord 10m', 'category': 'electrical', 'price': 12.0, 'quantity': 15, 'discontinued': False, 'tags': ['cable']},
    {'id': 1018, 'name': 'Bulb, LED 9W', 'category': 'electrical', 'price': 1.99, 'quantity': 320, 'discontinued': False, 'tags': []},
]

EXPECTED_CATEGORIES = {
    'tools': {'items': 5, 'stock_value': 771.35},
    'office': {'items': 3, 'stock_value': 555.1},
    'paint': {'items': 3, 'stock_value': 1069.5},
    'uncategorized': {'items': 2, 'stock_value': 308.0},
    'safety': {'items': 3, 'stock_value': 403.65},
    'electrical': {'items': 2, 'stock_value': 816.8},
}

ITEM_KEYS = {"id", "name", "category", "price", "quantity", "discontinued", "tags"}


def load():
    assert OUTPUT.is_file(), f"{OUTPUT} does not exist"
    with OUTPUT.open(encoding="utf-8") as f:
        return json.load(f)


def is_int(value):
    return isinstance(value, int) and not isinstance(value, bool)


def is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def test_top_level_shape():
    data = load()
    assert isinstance(data, dict)
    assert set(data) == {"item_count", "items", "categories"}
    assert is_int(data["item_count"])
    assert isinstance(data["items"], list)
    assert isinstance(data["categories"], dict)


def test_item_count_and_order():
    data = load()
    ids = [item.get("id") for item in data["items"]]
    assert ids == [item["id"] for item in EXPECTED_ITEMS], "items must be unique by id and sorted by id"
    assert data["item_count"] == len(EXPECTED_ITEMS)


def test_item_keys_and_types():
    for item in load()["items"]:
        assert set(item) == ITEM_KEYS, f"wrong keys in {item}"
        assert is_int(item["id"])
        assert isinstance(item["name"], str)
        assert item["category"] is None or isinstance(item["category"], str)
        assert item["price"] is None or is_number(item["price"])
        assert is_int(item["quantity"]), f"quantity must be an integer in {item}"
        assert isinstance(item["discontinued"], bool)
        assert isinstance(item["tags"], list) and all(isinstance(t, str) for t in item["tags"])


def test_item_values():
    got = {item["id"]: item for item in load()["items"]}
    for expected in EXPECTED_ITEMS:
        item = got.get(expected["id"])
        assert item is not None, f"missing item {expected['id']}"
        for key in ("name", "category", "quantity", "discontinued", "tags"):
            assert item[key] == expected[key], f"item {expected['id']}: {key} is {item[key]!r}, expected {expected[key]!r}"
        if expected["price"] is None:
            assert item["price"] is None, f"item {expected['id']}: price must be null"
        else:
            assert item["price"] is not None and math.isclose(item["price"], expected["price"], abs_tol=1e-9), \
                f"item {expected['id']}: price is {item['price']!r}, expected {expected['price']!r}"


def test_duplicate_id_keeps_last_row():
    item = {i["id"]: i for i in load()["items"]}[1002]
    assert item["name"] == "Screwdriver set, 8 pieces"
    assert math.isclose(item["price"], 27.9)


def test_categories():
    cats = load()["categories"]
    assert set(cats) == set(EXPECTED_CATEGORIES)
    for name, expected in EXPECTED_CATEGORIES.items():
        entry = cats[name]
        assert set(entry) == {"items", "stock_value"}, f"wrong keys for category {name}"
        assert is_int(entry["items"]) and entry["items"] == expected["items"], f"category {name}: items"
        assert is_number(entry["stock_value"]), f"category {name}: stock_value must be a number"
        assert math.isclose(entry["stock_value"], expected["stock_value"], abs_tol=0.001), \
            f"category {name}: stock_value is {entry['stock_value']!r}, expected {expected['stock_value']!r}"


def test_csv_untouched():
    digest = hashlib.sha256(Path("/app/data/inventory.csv").read_bytes()).hexdigest()
    assert digest == "85d390d512949c6b4abf170087cd71004fab38c7183d6ce88a1b88293a91545e"
