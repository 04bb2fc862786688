class Deck:
    def __init__(self):
        self.cards = ['A', 'K', 'Q']
    def __iter__(self):
        for c in self.cards:
            yield c.lower()
    def __len__(self):
        return len(self.cards)
d = Deck()
print(list(d), len(d), [c * 2 for c in d], 'k' in d)
# Expected:
# ['a', 'k', 'q'] 3 ['aa', 'kk', 'qq'] True
