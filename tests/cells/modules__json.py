import json
data = {'name': 'radar', 'shape': [4, 5], 'scale': 0.5, 'ok': True, 'missing': None, 'nested': {'b': 2, 'a': (1, 2.25)}}
s = json.dumps(data)
print(s)
print(json.dumps(data, sort_keys=True))
print(json.dumps(data, indent=2))
print(json.dumps([1, [2, []], {}], indent='\t'))
print(json.dumps({'x': 1, 'y': 2}, separators=(',', ':')))
print(json.dumps({1: 'int', 2.5: 'float', True: 'bool', None: 'none'}))
print(json.dumps('naïve "quoted" \\ tab\t line\n ☃ 𝄞'))
print(json.dumps('naïve ☃', ensure_ascii=False))
print(json.dumps([float('nan'), float('inf'), -float('inf'), 1e300, 1.0, -0.0, 10**15]))
back = json.loads(s)
print(back == {'name': 'radar', 'shape': [4, 5], 'scale': 0.5, 'ok': True, 'missing': None, 'nested': {'b': 2, 'a': [1, 2.25]}})
print(list(back), list(back['nested']))
print(json.loads('[1, 2.5, "x", true, false, null, {"k": [ ]}]'))
print(json.loads('  "\\u00e9\\ud834\\udd1e"  '))
print(json.dumps({'s': {1, 2}}, default=sorted))
for bad in ['{"a": }', '[1, 2', '', 'nul', '{"a": 1} x']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print('JSONDecodeError', isinstance(e, ValueError))
for obj in [{'s': {1}}, {(1, 2): 3}]:
    try:
        json.dumps(obj)
    except TypeError as e:
        print('TypeError:', e)
try:
    json.dumps([float('nan')], allow_nan=False)
except ValueError as e:
    print('ValueError:', e)
try:
    json.loads(42)
except TypeError as e:
    print('TypeError:', e)
print(json.dumps({'b': 1, 'a': {'d': [], 'c': {}}}, sort_keys=True, indent=1))
for bad in ['1 2', '[' * 100000]:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print('JSONDecodeError:', e)
    except RecursionError as e:
        print('RecursionError')
# Expected:
# {"name": "radar", "shape": [4, 5], "scale": 0.5, "ok": true, "missing": null, "nested": {"b": 2, "a": [1, 2.25]}}
# {"missing": null, "name": "radar", "nested": {"a": [1, 2.25], "b": 2}, "ok": true, "scale": 0.5, "shape": [4, 5]}
# {
#   "name": "radar",
#   "shape": [
#     4,
#     5
#   ],
#   "scale": 0.5,
#   "ok": true,
#   "missing": null,
#   "nested": {
#     "b": 2,
#     "a": [
#       1,
#       2.25
#     ]
#   }
# }
# [
# 	1,
# 	[
# 		2,
# 		[]
# 	],
# 	{}
# ]
# {"x":1,"y":2}
# {"1": "bool", "2.5": "float", "null": "none"}
# "na\u00efve \"quoted\" \\ tab\t line\n \u2603 \ud834\udd1e"
# "naïve ☃"
# [NaN, Infinity, -Infinity, 1e+300, 1.0, -0.0, 1000000000000000]
# True
# ['name', 'shape', 'scale', 'ok', 'missing', 'nested'] ['b', 'a']
# [1, 2.5, 'x', True, False, None, {'k': []}]
# é𝄞
# {"s": [1, 2]}
# JSONDecodeError True
# JSONDecodeError True
# JSONDecodeError True
# JSONDecodeError True
# JSONDecodeError True
# TypeError: Object of type set is not JSON serializable
# TypeError: keys must be str, int, float, bool or None, not tuple
# ValueError: Out of range float values are not JSON compliant
# TypeError: the JSON object must be str, bytes or bytearray, not int
# {
#  "a": {
#   "c": {},
#   "d": []
#  },
#  "b": 1
# }
# JSONDecodeError: Extra data: line 1 column 3 (char 2)
# RecursionError
