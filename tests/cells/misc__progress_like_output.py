total = 5
for i in range(total + 1):
    pct = i / total
    bar = '#' * int(pct * 10)
    print(f'[{bar:<10}] {pct:6.1%}', end=' ')
print()
# Expected:
# [          ]   0.0% [##        ]  20.0% [####      ]  40.0% [######    ]  60.0% [########  ]  80.0% [##########] 100.0% 
