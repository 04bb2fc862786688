class Config:
    def __init__(self):
        self.threshold = 1
c = Config()
c.treshold
# Expected:
# !! AttributeError: 'Config' object has no attribute 'treshold'. Did you mean: 'threshold'?
