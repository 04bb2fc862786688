print('hello world'.title(), "they're bill's".title(), 'HELLO'.capitalize(), 'hELLO wORLD'.swapcase())
# Expected:
# Hello World They'Re Bill'S Hello Hello World
