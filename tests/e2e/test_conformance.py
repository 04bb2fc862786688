"""The public jupyter_kernel_test suite against the installed Tessera kernelspec."""
import jupyter_kernel_test as jkt


class TesseraKernelTests(jkt.KernelTests):
    kernel_name = "tessera"
    language_name = "tessera"
    file_extension = ".py"

    code_hello_world = 'print("hello, world")'
    code_stderr = 'import sys\nprint("to stderr", file=sys.stderr)'

    completion_samples = [
        {"text": "prin", "matches": {"print"}},
        {"text": "zi", "matches": {"zip"}},
    ]
    complete_code_samples = ["1", "print('hello, world')", "x = [1, 2]"]
    incomplete_code_samples = ["print('''hello", "for i in range(3):", "x = (1,"]
    invalid_code_samples = ["x = )", "print(1))"]

    code_page_something = "print?"
    code_generate_error = "undefined_name"
    code_execute_result = [
        {"code": "1 + 2", "result": "3"},
        {"code": "x = 10\nx * 3", "result": "30"},
        {"code": "'a' + 'b'", "result": "'ab'"},
    ]
    code_display_data = [{"code": "display(42)", "mime": "text/plain"}]
    code_history_pattern = "1 + 2*"
    supported_history_operations = ("tail", "range", "search")
    code_inspect_sample = "print"
    code_clear_output = "clear_output()"


class TesseraIopubWelcomeTests(jkt.IopubWelcomeTests):
    kernel_name = "tessera"
    support_iopub_welcome = True
