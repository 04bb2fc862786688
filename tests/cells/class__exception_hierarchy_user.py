class AppError(Exception):
    pass
class DbError(AppError):
    pass
class NetError(AppError):
    pass
for cls in [DbError, NetError, AppError]:
    try:
        raise cls(cls.__name__.lower())
    except DbError as e:
        print('db', e)
    except AppError as e:
        print('app', e, type(e).__name__)
# Expected:
# db dberror
# app neterror NetError
# app apperror AppError
