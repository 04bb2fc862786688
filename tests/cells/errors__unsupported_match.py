# tessera-only
x = 1
match x:
    case 1:
        print('one')
# Expected:
# !! SyntaxError: match statement is not supported by Tessera
