def test_the_list_opens_for_a_viewer(login, journey):
    client = login("viewer")
    response = client.get("/w/permits/journeys/")
    assert response.status_code == 200
    assert b"Environmental permit" in response.content
