class Point:
    """A 2D point."""
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return f'Point({self.x}, {self.y})'
    def norm2(self):
        return self.x ** 2 + self.y ** 2
    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)
    def __eq__(self, other):
        return self.x == other.x and self.y == other.y
p = Point(3, 4)
print(p, p.norm2(), p.dims, Point.dims, p + Point(1, 1), p == Point(3, 4), p != Point(0, 0))
print(str(p), [p], isinstance(p, Point), type(p).__name__, Point.__doc__)
p.z = 5
print(p.z, getattr(p, 'x'), hasattr(p, 'w'), getattr(p, 'w', 'dflt'))
p
# Expected:
# Point(3, 4) 25 2 2 Point(4, 5) True True
# Point(3, 4) [Point(3, 4)] True Point A 2D point.
# 5 3 False dflt
# Out: Point(3, 4)
