class Base:
    def run(self):
        raise NotImplementedError('subclass must implement')
Base().run()
# Expected:
# !! NotImplementedError: subclass must implement
