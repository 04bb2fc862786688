import sys
n = sys.stdout.write('written\n')
sys.stdout.flush()
print(n)
sys.stderr.write('ignored\n')
print('end', file=sys.stdout)
# Expected:
# written
# 8
# end
