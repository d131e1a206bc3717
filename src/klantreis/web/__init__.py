"""The klantreis web application (Django): collaborative journey mapping in the browser."""
