for v in [0, 1, -1, 0.0, '', 'a', [], [0], {}, {0: 0}, set(), None, (), (0,), range(0), range(1)]:
    print(repr(v), bool(v), 'T' if v else 'F')
# Expected:
# 0 False F
# 1 True T
# -1 True T
# 0.0 False F
# '' False F
# 'a' True T
# [] False F
# [0] True T
# {} False F
# {0: 0} True T
# set() False F
# None False F
# () False F
# (0,) True T
# range(0, 0) False F
# range(0, 1) True T
