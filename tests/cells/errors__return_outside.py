# tessera-only
return 5
# Expected:
# !! SyntaxError: 'return' outside function
