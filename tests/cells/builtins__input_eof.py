input('prompt> ')
# Expected:
# prompt> 
# !! EOFError: EOF when reading a line
