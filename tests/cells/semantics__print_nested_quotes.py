print(['it\'s', 'say "x"', "both ' and \""], {'k\n': 'v\t'})
# Expected:
# ["it's", 'say "x"', 'both \' and "'] {'k\n': 'v\t'}
