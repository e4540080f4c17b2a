from setuptools import Extension, setup

# The C extension is why the builder needs gcc and python3-dev; the runtime needs only the built .so.
setup(ext_modules=[Extension("greeter._checksum", ["csrc/checksum.c"])])
