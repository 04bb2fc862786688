cfg = {'db': {'host': 'x', 'port': 1}, 'debug': False}
cfg['db']['port'] += 1
cfg.setdefault('extra', {})['k'] = 'v'
print(cfg)
print(cfg['db'].get('host'), 'db' in cfg, 'host' in cfg)
# Expected:
# {'db': {'host': 'x', 'port': 2}, 'debug': False, 'extra': {'k': 'v'}}
# x True False
