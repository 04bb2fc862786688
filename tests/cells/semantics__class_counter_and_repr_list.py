class Node:
    count = 0
    def __init__(self, v, children=None):
        self.v = v
        self.children = children or []
        Node.count += 1
    def __repr__(self):
        return f'Node({self.v}, {self.children})' if self.children else f'Node({self.v})'
    def total(self):
        return self.v + sum(c.total() for c in self.children)
t = Node(1, [Node(2), Node(3, [Node(4)])])
print(t, t.total(), Node.count)
# Expected:
# Node(1, [Node(2), Node(3, [Node(4)])]) 10 4
