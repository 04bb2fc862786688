raw = '  Hello, World! Hello!  '
print(raw.strip().lower().replace('hello', 'bye').split(', '), raw.count('Hello'), raw.strip().title().center(30, '.'))
# Expected:
# ['bye', 'world! bye!'] 2 .....Hello, World! Hello!.....
