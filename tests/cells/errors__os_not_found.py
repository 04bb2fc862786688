import os
try:
    os.listdir('/definitely/not/here')
except FileNotFoundError as e:
    print(type(e).__name__, e.args[0] if False else 'caught')
# Expected:
# FileNotFoundError caught
