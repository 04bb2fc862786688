class C:
    def __init__(self):
        self.value = 1
C().valeu
# Expected:
# !! AttributeError: 'C' object has no attribute 'valeu'. Did you mean: 'value'?
