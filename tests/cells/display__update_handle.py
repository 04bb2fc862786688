from IPython.display import display
h = display('v1', display_id='progress')
for i in range(3):
    h.update(f'step {i}')
print('done')
# Expected:
# [display] 'v1'
# [update] 'step 0'
# [update] 'step 1'
# [update] 'step 2'
# done
