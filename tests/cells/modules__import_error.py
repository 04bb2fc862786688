import not_a_module
# Expected:
# !! ModuleNotFoundError: No module named 'not_a_module'
