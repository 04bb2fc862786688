s = '  Hello, World  '
print(s.strip(), s.lstrip(), s.rstrip(), sep='|')
print(s.upper(), s.lower(), s.strip().title(), sep='|')
print('a,b,,c'.split(','), 'a b  c'.split(), 'a,b,c'.split(',', 1), 'a,b,c'.rsplit(',', 1))
print('-'.join(['x', 'y', 'z']), 'abc'.replace('b', 'B'), 'aaa'.replace('a', 'b', 2))
print('hello'.startswith('he'), 'hello'.endswith('lo'), 'hello'.find('l'), 'hello'.rfind('l'), 'hello'.find('z'))
print('hello'.count('l'), 'hello'.index('e'), 'abc'.capitalize(), 'Hello'.swapcase())
print('42'.isdigit(), 'abc'.isalpha(), ' '.isspace(), 'ab12'.isalnum(), 'ABC'.isupper())
print('5'.zfill(3), '-5'.zfill(4), 'ab'.center(6, '*'), 'ab'.ljust(5) + '|', 'ab'.rjust(5))
print('a=b'.partition('='), 'a=b=c'.rpartition('='), 'line1\nline2'.splitlines())
print('prefix_x'.removeprefix('prefix_'), 'x.py'.removesuffix('.py'))
# Expected:
# Hello, World|Hello, World  |  Hello, World
#   HELLO, WORLD  |  hello, world  |Hello, World
# ['a', 'b', '', 'c'] ['a', 'b', 'c'] ['a', 'b,c'] ['a,b', 'c']
# x-y-z aBc bba
# True True 2 3 -1
# 2 1 Abc hELLO
# True True True True True
# 005 -005 **ab** ab   |    ab
# ('a', '=', 'b') ('a=b', '=', 'c') ['line1', 'line2']
# x x
