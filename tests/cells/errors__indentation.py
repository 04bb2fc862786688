# tessera-only: parser message wording
def f():
return 1
# Expected:
# !! SyntaxError: expected an indented block
